# Shared by up, down and status: layout of the state dir, process bookkeeping, readiness checks.
# Sourced, not run. Every daemon of the cloud is started by start_daemon (own session, PID recorded)
# and stopped by stop_daemon (recorded PID only).

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
H="${HERMIT_OPENSTACK_HOME:-/var/lib/hermit-openstack}"
ETC="$H/etc"
RUN="$H/run"
LOG="$H/log"
STAMPS="$H/stamps"
PY=/usr/bin/python3   # Debian's interpreter, the one with the OpenStack libraries (python3 on PATH may be pyenv's)

# Addresses of this cloud. Both ranges exist only on bridges/namespaces inside this machine; up adds an
# "unreachable" route for each in the root namespace so that nothing on the host can send to them by mistake.
EXT_BRIDGE="${HERMIT_OPENSTACK_EXT_BRIDGE:-brhermitext}"
# TEST-NET-2, a documentation range. Not TEST-NET-3 (203.0.113.0/24): some build machines reach their
# package and Maven registries through a proxy there, and the unreachable route would cut them off.
PUBLIC_CIDR=198.51.100.0/24
PUBLIC_GW=198.51.100.1
PUBLIC_POOL_START=198.51.100.10
PUBLIC_POOL_END=198.51.100.200
PRIVATE_CIDR=10.42.0.0/24
PRIVATE_GW=10.42.0.1
OS_HOST="$(hostname -s)"        # nova-compute and the neutron agents must register under the same host

# Order matters for up (start) and for status (first one not answering is named); down stops in reverse.
SERVICES=(mysqld epmd rabbitmq keystone glance-api placement-api virtlogd libvirtd
  nova-api nova-conductor nova-scheduler neutron-server nova-compute
  neutron-linuxbridge-agent neutron-dhcp-agent neutron-l3-agent)

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf 'hermit-openstack: %s\n' "$*" >&2; exit 1; }

# Addresses the host must keep reaching: its resolvers, its default gateway, the Debian and Maven
# registries. Printed one per line; the lookups are local (resolver cache or /etc/hosts) and quick.
needed_addresses() {
  awk '/^nameserver/ {print $2}' /etc/resolv.conf 2>/dev/null
  ip -4 route show default 2>/dev/null | awk '{print $3}'
  getent ahostsv4 deb.debian.org repo.maven.apache.org 2>/dev/null | awk '{print $1}'
}

# Fails, naming the address, when CIDR covers one the host needs (so an unreachable route would cut it off).
require_unused_range() {
  local cidr="$1" hit
  hit="$(needed_addresses | sort -u | "$PY" -c 'import ipaddress, sys
net = ipaddress.ip_network(sys.argv[1])
print(" ".join(a for a in sys.stdin.read().split() if ipaddress.ip_address(a) in net))' "$cidr")"
  [ -z "$hit" ] || die "the cloud's range $cidr covers $hit, which this host needs (resolver, gateway or registry); change it in $HERE/lib.sh"
}

need_root() { [ "$(id -u)" = 0 ] || die "run as root (sudo $0)"; }

load_secrets() {
  [ -f "$H/secrets.env" ] || return 1
  # shellcheck disable=SC1091
  . "$H/secrets.env"
}

pid_of() { # the recorded PID of a daemon, if it is alive and still the same program (bash builtins only: fast)
  local name=$1 pid marker args cmd
  [ -f "$RUN/$name.pid" ] || return 1
  read -r pid 2>/dev/null < "$RUN/$name.pid" || return 1
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  [ -d "/proc/$pid" ] || return 1
  # Guard against PID reuse: the command line must still carry our marker (the state dir or the name).
  marker=$H
  [ -f "$RUN/$name.marker" ] && { read -r marker < "$RUN/$name.marker" || true; }
  mapfile -d '' args 2>/dev/null < "/proc/$pid/cmdline" || return 1
  cmd="${args[*]}"
  [ -n "$cmd" ] && [[ "$cmd" == *"$marker"* ]] || return 1
  local stat
  read -r stat 2>/dev/null < "/proc/$pid/stat" || return 1
  stat=${stat##*) }
  [ "${stat%% *}" != Z ] || return 1
  echo "$pid"
}

alive() { pid_of "$1" >/dev/null; }

# start_daemon NAME MARKER CMD...: start CMD in its own session, output to $LOG/NAME.log, PID to $RUN/NAME.pid.
# MARKER is a string that the daemon's command line contains (to recognise it later).
start_daemon() {
  local name=$1 marker=$2; shift 2
  if alive "$name"; then return 0; fi
  mkdir -p "$RUN" "$LOG"
  printf '\n===== %s start %s =====\n' "$name" "$(date -Is)" >> "$LOG/$name.log"
  # Not a job-control shell: the background child is no group leader, so setsid execs without forking
  # and $! is the daemon itself.
  setsid "$@" >> "$LOG/$name.log" 2>&1 < /dev/null 9>&- &
  echo $! > "$RUN/$name.pid"
  printf '%s' "$marker" > "$RUN/$name.marker"
  STARTED+=("$name")
}

# running PID: the process exists and is not a zombie (PID 1 here may be slow to reap what we orphan)
running() { [ -d "/proc/$1" ] && [ "$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" != Z ]; }

# stop_daemon NAME [SECONDS]: TERM the recorded PID's process group (its own session), KILL after SECONDS.
stop_daemon() {
  local name=$1 wait=${2:-20} pid i
  if pid=$(pid_of "$name"); then
    log "stopping $name (pid $pid)"
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < wait * 5; i++)); do
      running "$pid" || break
      sleep 0.2
    done
    if running "$pid"; then
      log "$name did not stop in ${wait}s: KILL"
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  # leftovers of the same process group (workers that outlived their parent)
  if [ -f "$RUN/$name.pid" ]; then
    pid=$(cat "$RUN/$name.pid" 2>/dev/null || true)
    if [[ "$pid" =~ ^[0-9]+$ ]] && pgrep -g "$pid" >/dev/null 2>&1; then
      # only processes in that group that carry our marker
      local p marker
      marker=$(cat "$RUN/$name.marker" 2>/dev/null || echo "$H")
      for p in $(pgrep -g "$pid"); do
        tr '\0' ' ' 2>/dev/null < "/proc/$p/cmdline" | grep -F -- "$marker" >/dev/null && kill -KILL "$p" 2>/dev/null || true
      done
    fi
  fi
  rm -f "$RUN/$name.pid" "$RUN/$name.marker"
}

fail_service() { # fail_service NAME WHY: name it and show the tail of its log
  printf 'hermit-openstack: %s is not up: %s\n' "$1" "$2" >&2
  if [ -f "$LOG/$1.log" ]; then
    printf -- '--- last lines of %s ---\n' "$LOG/$1.log" >&2
    tail -n 40 "$LOG/$1.log" >&2
  fi
  exit 1
}

http_code() { curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$1" 2>/dev/null || true; }

tcp_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

mysql_root() { mysql --defaults-file="$ETC/mysql/my.cnf" --protocol=socket -uroot "$@"; }

rabbitmq_env() {
  export RABBITMQ_NODENAME=hermit@localhost
  export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
  export RABBITMQ_NODE_PORT=5672
  export RABBITMQ_DIST_PORT=25672
  export ERL_EPMD_ADDRESS=127.0.0.1
  export ERL_EPMD_PORT=4369
  export RABBITMQ_CONF_ENV_FILE="$ETC/rabbitmq/rabbitmq-env.conf"
  export RABBITMQ_CONFIG_FILE="$ETC/rabbitmq/rabbitmq"
  export RABBITMQ_ENABLED_PLUGINS_FILE="$ETC/rabbitmq/enabled_plugins"
  export RABBITMQ_MNESIA_BASE="$H/rabbitmq/mnesia"
  export RABBITMQ_LOG_BASE="$LOG/rabbitmq"
  export RABBITMQ_LOGS=-
  export RABBITMQ_PID_FILE="$RUN/rabbitmq-server.pid"
  export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
  export RABBITMQ_CTL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
  export HOME="$H/rabbitmq"   # the Erlang cookie lives here, shared by server and rabbitmqctl
}

rabbitmqctl_() { (rabbitmq_env; timeout 60 /usr/lib/rabbitmq/bin/rabbitmqctl -n hermit@localhost "$@"); }

# A Keystone token for admin (cached for this process) and calls with it.
admin_token() {
  if [ -z "${ADMIN_TOKEN:-}" ]; then
    ADMIN_TOKEN=$(curl -s -D - -o /dev/null --max-time 10 -H 'Content-Type: application/json' \
      -d "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"admin\",\"domain\":{\"id\":\"default\"},\"password\":\"$ADMIN_PASS\"}}},\"scope\":{\"project\":{\"name\":\"admin\",\"domain\":{\"id\":\"default\"}}}}}" \
      http://127.0.0.1:5000/v3/auth/tokens | tr -d '\r' | awk -F': ' 'tolower($1)=="x-subject-token"{print $2}')
  fi
  [ -n "$ADMIN_TOKEN" ]
}

api_get() { curl -s --max-time 10 -H "X-Auth-Token: $ADMIN_TOKEN" "$@"; }

# "binary host up|down" lines of nova's services and neutron's agents, fetched once per run (reset by wait_ready)
service_states() {
  if [ -z "${SERVICE_STATES:-}" ]; then
    SERVICE_STATES=$( { api_get http://127.0.0.1:8774/v2.1/os-services; echo; api_get http://127.0.0.1:9696/v2.0/agents; echo; } |
      "$PY" -c '
import json, sys
for line in sys.stdin:
    try:
        d = json.loads(line)
    except Exception:
        continue
    for s in d.get("services", []):
        print(s["binary"], s["host"], "up" if s["state"] == "up" and s["status"] == "enabled" else "down")
    for a in d.get("agents", []):
        print(a["binary"], a["host"], "up" if a["alive"] and a["admin_state_up"] else "down")
')
  fi
  printf '%s\n' "$SERVICE_STATES"
}

# service_up BINARY: nova's os-services or neutron's agents say BINARY on our host is up
service_up() { service_states | grep -x -- "$1 $OS_HOST up" >/dev/null; }

# check NAME: is that service answering? (process alive and its API or a cheap probe answering)
check() {
  local name=$1
  alive "$name" || { WHY="process not running"; return 1; }
  WHY="not answering"
  case "$name" in
    mysqld) mysqladmin --defaults-file="$ETC/mysql/my.cnf" --protocol=socket -uroot ping >/dev/null 2>&1 ;;
    epmd) tcp_open 127.0.0.1 4369 ;;
    rabbitmq) tcp_open 127.0.0.1 5672 ;;
    keystone) [ "$(http_code http://127.0.0.1:5000/v3)" = 200 ] ;;
    glance-api) [ "$(http_code http://127.0.0.1:9292/)" = 300 ] ;;
    placement-api) [ "$(http_code http://127.0.0.1:8778/)" = 200 ] ;;
    virtlogd) [ -S /run/libvirt/virtlogd-sock ] ;;
    libvirtd) timeout 10 virsh -c qemu:///system version >/dev/null 2>&1 ;;
    nova-api) [ "$(http_code http://127.0.0.1:8774/)" = 200 ] ;;
    neutron-server) [ "$(http_code http://127.0.0.1:9696/)" = 200 ] ;;
    nova-conductor | nova-scheduler | nova-compute | neutron-linuxbridge-agent | neutron-dhcp-agent | neutron-l3-agent)
      admin_token && service_up "$name" ;;
    *) return 1 ;;
  esac
}

# wait_ready NAME [SECONDS]: poll check NAME until it answers; else fail naming it, with its log's tail.
wait_ready() {
  local name=$1 limit=${2:-120} start=$SECONDS
  while ! check "$name"; do
    SERVICE_STATES=
    # (right after the fork, before exec, the command line is still ours: only a vanished PID counts)
    local pid
    read -r pid 2>/dev/null < "$RUN/$name.pid" || pid=
    [[ "$pid" =~ ^[0-9]+$ ]] && running "$pid" || fail_service "$name" "the process exited"
    if ((SECONDS - start >= limit)); then fail_service "$name" "$WHY after ${limit}s"; fi
    sleep 1
  done
}

# Processes of ours that listen on a socket in the root namespace: every one must be on loopback.
check_loopback_only() {
  local pids=() sids=() name pid bad
  for name in "${SERVICES[@]}"; do
    pid=$(pid_of "$name") && sids+=("$pid")
  done
  ((${#sids[@]})) || return 0
  # every process in those sessions (uwsgi workers, oslo.service workers, beam children, ...)
  pids=($(ps -eo pid=,sid= | awk -v s=" ${sids[*]} " 'index(s, " " $2 " ") {print $1}'))
  ((${#pids[@]})) || return 0
  bad=$(ss -ltunpH 2>/dev/null | "$PY" -c '
import re, sys
ours = set(sys.argv[1:])
for line in sys.stdin:
    f = line.split()
    if len(f) < 6:
        continue
    local = f[4]
    host = local.rsplit(":", 1)[0].strip("[]")
    pids = set(re.findall(r"pid=(\d+)", line))
    if not (pids & ours):
        continue
    if host.startswith("127.") or host.startswith("::ffff:127.") or host == "::1":
        continue
    print(line.strip())
' "${pids[@]}")
  if [ -n "$bad" ]; then
    printf 'hermit-openstack: a daemon of this cloud listens on a non-loopback address:\n%s\n' "$bad" >&2
    return 1
  fi
}
