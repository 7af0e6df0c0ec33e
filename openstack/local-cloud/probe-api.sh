#!/usr/bin/env bash
# Asks the local cloud (127.0.0.1 only) the questions in FINDINGS.md and prints what it answers:
# error bodies, Glance statuses during an upload, console output over a server's life, Neutron
# revision_number and If-Match. Creates its own resources (named probe-*) and deletes them.
# Usage: sudo openstack/local-cloud/probe-api.sh   (after up)
set -uo pipefail
H="${HERMIT_OPENSTACK_HOME:-/var/lib/hermit-openstack}"
. "$H/openrc"
KS=http://127.0.0.1:5000/v3 GL=http://127.0.0.1:9292 NV=http://127.0.0.1:8774/v2.1 NT=http://127.0.0.1:9696/v2.0
TOKEN=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' -d "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"$OS_USERNAME\",\"domain\":{\"id\":\"default\"},\"password\":\"$OS_PASSWORD\"}}},\"scope\":{\"project\":{\"name\":\"$OS_PROJECT_NAME\",\"domain\":{\"id\":\"default\"}}}}}" $KS/auth/tokens | tr -d '\r' | awk -F': ' 'tolower($1)=="x-subject-token"{print $2}')
[ -n "$TOKEN" ] || { echo "no token"; exit 1; }
j() { /usr/bin/python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
call() { # METHOD URL [BODY] [extra curl args...]: prints "METHOD URL -> CODE BODY"
  local m=$1 u=$2 b=${3:-}; shift 3 2>/dev/null || shift $#
  local out code
  if [ -n "$b" ]; then
    out=$(curl -s -w '\n%{http_code}' -X "$m" -H "X-Auth-Token: $TOKEN" -H 'Content-Type: application/json' "$@" -d "$b" "$u")
  else
    out=$(curl -s -w '\n%{http_code}' -X "$m" -H "X-Auth-Token: $TOKEN" "$@" "$u")
  fi
  code=${out##*$'\n'}; BODY=${out%$'\n'*}; CODE=$code
  printf '%s %s -> %s %s\n' "$m" "${u#http://127.0.0.1}" "$code" "$(head -c 600 <<<"$BODY")"
}
echo "## Glance"
call POST $GL/v2/images '{"name":"probe-image","disk_format":"qcow2","container_format":"bare","visibility":"private"}'
IMG=$(j 'd["id"]' <<<"$BODY"); echo "status after create: $(j 'd["status"]' <<<"$BODY")"
head -c 3000000 /dev/urandom > /tmp/probe-image.bin
curl -s -o /dev/null -w 'PUT file -> %{http_code}\n' --limit-rate 600k -X PUT -H "X-Auth-Token: $TOKEN" \
  -H 'Content-Type: application/octet-stream' --data-binary @/tmp/probe-image.bin $GL/v2/images/$IMG/file &
UP=$!
seen=""
while kill -0 $UP 2>/dev/null; do
  s=$(curl -s -H "X-Auth-Token: $TOKEN" $GL/v2/images/$IMG | j 'd["status"]')
  [[ " $seen " == *" $s "* ]] || seen="$seen $s"
  sleep 0.3
done
wait $UP
echo "statuses seen during upload:$seen; after: $(curl -s -H "X-Auth-Token: $TOKEN" $GL/v2/images/$IMG | j 'd["status"], d["size"], d.get("checksum"), d.get("os_hash_algo")')"
call PUT $GL/v2/images/$IMG/file "" -H 'Content-Type: application/octet-stream' --data-binary @/tmp/probe-image.bin
call GET $GL/v2/images/00000000-0000-0000-0000-000000000000 ""
call POST $GL/v2/images "{\"id\":\"$IMG\",\"name\":\"probe-dup\",\"disk_format\":\"qcow2\",\"container_format\":\"bare\"}"

echo "## Nova errors"
NET=$(curl -s -H "X-Auth-Token: $TOKEN" "$NT/networks?name=private" | j 'd["networks"][0]["id"]')
call POST $NV/servers "{\"server\":{\"name\":\"probe-badflavor\",\"imageRef\":\"$IMG\",\"flavorRef\":\"no-such-flavor\",\"networks\":[{\"uuid\":\"$NET\"}]}}"
call POST $NV/servers "{\"server\":{\"name\":\"probe-noimage\",\"imageRef\":\"00000000-0000-0000-0000-000000000000\",\"flavorRef\":\"1\",\"networks\":[{\"uuid\":\"$NET\"}]}}"
call POST $NV/servers "{\"server\":{\"name\":\"probe-quota\",\"imageRef\":\"$IMG\",\"flavorRef\":\"1\",\"min_count\":11,\"max_count\":11,\"networks\":[{\"uuid\":\"$NET\"}]}}"
call POST $NV/servers "{\"server\":{\"name\":\"probe-bignet\",\"imageRef\":\"$IMG\",\"flavorRef\":\"1\",\"networks\":[{\"uuid\":\"00000000-0000-0000-0000-000000000000\"}]}}"
call GET $NV/servers/00000000-0000-0000-0000-000000000000 ""

echo "## A qcow2-labelled image that is not qcow2"
call POST $NV/servers "{\"server\":{\"name\":\"probe-notqcow2\",\"imageRef\":\"$IMG\",\"flavorRef\":\"1\",\"networks\":[{\"uuid\":\"$NET\"}]}}"
BAD=$(j 'd["server"]["id"]' <<<"$BODY")
for i in $(seq 1 60); do
  st=$(curl -s -H "X-Auth-Token: $TOKEN" $NV/servers/$BAD | j 'd["server"]["status"]'); [ "$st" = ERROR ] && break; sleep 1
done
call GET $NV/servers/$BAD ""
echo "fault: $(j 'd["server"].get("fault")' <<<"$BODY")"
call DELETE $NV/servers/$BAD ""
echo "## Console over a server's life (a raw image of random bytes: boots, the BIOS finds nothing to boot)"
call POST $GL/v2/images '{"name":"probe-raw","disk_format":"raw","container_format":"bare","visibility":"private"}'
RAW=$(j 'd["id"]' <<<"$BODY")
curl -s -o /dev/null -w 'PUT file -> %{http_code}\n' -X PUT -H "X-Auth-Token: $TOKEN" -H 'Content-Type: application/octet-stream' --data-binary @/tmp/probe-image.bin $GL/v2/images/$RAW/file
call POST $NV/servers "{\"server\":{\"name\":\"probe-console\",\"imageRef\":\"$RAW\",\"flavorRef\":\"1\",\"networks\":[{\"uuid\":\"$NET\"}]}}"
SRV=$(j 'd["server"]["id"]' <<<"$BODY")
last=""
for i in $(seq 1 150); do
  st=$(curl -s -H "X-Auth-Token: $TOKEN" $NV/servers/$SRV | j 'd["server"]["status"] + "/" + str(d["server"].get("OS-EXT-STS:task_state"))')
  c=$(curl -s -w ' %{http_code}' -X POST -H "X-Auth-Token: $TOKEN" -H 'Content-Type: application/json' -d '{"os-getConsoleOutput":{"length":5}}' $NV/servers/$SRV/action | tail -c 300 | tr '\n' ' ')
  now="$st -> ${c:0:240}"
  [ "$now" = "$last" ] || echo "  t=${i}: $now"
  last=$now
  [[ "$st" == ACTIVE/None || "$st" == ERROR/None ]] && break
  sleep 1
done
sleep 5
call POST $NV/servers/$SRV/action '{"os-getConsoleOutput":{"length":3}}'
call POST $NV/servers/$SRV/action '{"os-stop":null}'
for i in $(seq 1 60); do
  st=$(curl -s -H "X-Auth-Token: $TOKEN" $NV/servers/$SRV | j 'd["server"]["status"]')
  [ "$st" = SHUTOFF ] && break; sleep 1
done
echo "status: $st"
call POST $NV/servers/$SRV/action '{"os-getConsoleOutput":{"length":3}}'
call DELETE $NV/servers/$SRV ""

echo "## Neutron security groups: revision_number, If-Match, duplicate rule"
call POST $NT/security-groups '{"security_group":{"name":"probe-sg","description":"probe"}}'
SG=$(j 'd["security_group"]["id"]' <<<"$BODY"); echo "revision_number after create: $(j 'd["security_group"].get("revision_number")' <<<"$BODY")"
R='{"security_group_rule":{"security_group_id":"'$SG'","direction":"ingress","protocol":"tcp","port_range_min":8000,"port_range_max":8000,"remote_ip_prefix":"0.0.0.0/0","ethertype":"IPv4"}}'
call POST $NT/security-group-rules "$R"
call POST $NT/security-group-rules "$R"
REV=$(curl -s -H "X-Auth-Token: $TOKEN" $NT/security-groups/$SG | j 'd["security_group"]["revision_number"]'); echo "revision_number after a rule: $REV"
call PUT $NT/security-groups/$SG '{"security_group":{"description":"wrong revision"}}' -H "If-Match: revision_number=$((REV + 5))"
call PUT $NT/security-groups/$SG '{"security_group":{"description":"right revision"}}' -H "If-Match: revision_number=$REV"
call PUT $NT/security-groups/$SG '{"security_group":{"description":"stale revision"}}' -H "If-Match: revision_number=$REV"
call PUT $NT/security-groups/$SG '{"security_group":{"description":"bad header"}}' -H "If-Match: \"abc\""
call DELETE $NT/security-groups/$SG "" -H "If-Match: revision_number=1"
call DELETE $NT/security-groups/$SG ""
call DELETE $GL/v2/images/$IMG ""
call DELETE $GL/v2/images/$RAW ""
rm -f /tmp/probe-image.bin
