"""Creates what the local cloud needs in Keystone, Nova and Neutron, only what is missing.

Run by `up` with Debian's /usr/bin/python3 (the interpreter that has openstacksdk):
    bootstrap.py catalog     services, endpoints, projects, users, roles (after Keystone is up)
    bootstrap.py resources   flavors, networks, subnets, router (after Nova and Neutron are up)
Settings come from the environment (see `up`). Prints one line per thing it created.
"""
import json
import os
import sys
import urllib.request

E = os.environ
KEYSTONE = "http://127.0.0.1:5000/v3"
REGION = "RegionOne"
CATALOG = [  # (service name, type, url): public and internal endpoints on loopback
    ("glance", "image", "http://127.0.0.1:9292"),
    ("placement", "placement", "http://127.0.0.1:8778"),
    ("nova", "compute", "http://127.0.0.1:8774/v2.1"),
    ("neutron", "network", "http://127.0.0.1:9696"),
]
SERVICE_USERS = ["glance", "placement", "nova", "neutron"]
FLAVORS = [  # (id, name, vcpus, ram MiB, disk GB)
    ("1", "m1.tiny", 1, 512, 1),
    ("2", "m1.small", 1, 2048, 20),
    ("3", "m1.medium", 2, 4096, 40),
]

created = []


def made(what):
    created.append(what)
    print("created " + what, flush=True)


def admin():
    import openstack  # slow to import here (seconds): only when something is missing
    return openstack.connect(
        auth_url=KEYSTONE, username="admin", password=E["ADMIN_PASS"], project_name="admin",
        user_domain_name="Default", project_domain_name="Default", region_name=REGION,
        interface="public", identity_api_version="3")


def catalog(c):
    idn = c.identity
    for name, typ, url in CATALOG:
        svc = next((s for s in idn.services() if s.type == typ), None)
        if svc is None:
            svc = idn.create_service(name=name, type=typ, description=name)
            made("service " + name)
        have = {(e.interface, e.url) for e in idn.endpoints(service_id=svc.id)}
        for interface in ("public", "internal"):
            if not any(i == interface for i, _ in have):
                idn.create_endpoint(service_id=svc.id, interface=interface, url=url, region_id=REGION)
                made("endpoint %s %s %s" % (typ, interface, url))
    domain = idn.find_domain("default")
    projects = {}
    for pname, desc in (("service", "service users"), (E["MEMBER_PROJECT"], "hermit-cloud tests")):
        p = idn.find_project(pname, domain_id=domain.id)
        if p is None:
            p = idn.create_project(name=pname, domain_id=domain.id, description=desc)
            made("project " + pname)
        projects[pname] = p
    roles = {r.name: r for r in idn.roles()}
    for rname in ("admin", "member", "reader"):
        if rname not in roles:
            roles[rname] = idn.create_role(name=rname)
            made("role " + rname)

    def user(name, password, project, role):
        u = idn.find_user(name, domain_id=domain.id)
        if u is None:
            u = idn.create_user(name=name, password=password, domain_id=domain.id,
                                default_project_id=project.id)
            made("user " + name)
        if not idn.validate_user_has_project_role(project, u, roles[role]):
            idn.assign_project_role_to_user(project, u, roles[role])
            made("role %s for %s on %s" % (role, name, project.name))

    for name in SERVICE_USERS:
        user(name, E["SERVICE_PASS"], projects["service"], "admin")
    user(E["MEMBER_USER"], E["MEMBER_PASS"], projects[E["MEMBER_PROJECT"]], "member")


def resources(c):
    for fid, name, vcpus, ram, disk in FLAVORS:
        if c.compute.find_flavor(name, ignore_missing=True) is None:
            c.compute.create_flavor(id=fid, name=name, vcpus=vcpus, ram=ram, disk=disk, is_public=True)
            made("flavor " + name)
    project = c.identity.find_project(E["MEMBER_PROJECT"], domain_id="default")
    net = c.network
    public = net.find_network("public")
    if public is None:
        public = net.create_network(name="public", is_router_external=True, is_shared=False,
                                    provider_network_type="flat", provider_physical_network="extnet")
        made("network public")
    if net.find_subnet("public-subnet", network_id=public.id) is None:
        net.create_subnet(name="public-subnet", network_id=public.id, ip_version=4,
                          cidr=E["PUBLIC_CIDR"], gateway_ip=E["PUBLIC_GW"], is_dhcp_enabled=False,
                          allocation_pools=[{"start": E["PUBLIC_POOL_START"], "end": E["PUBLIC_POOL_END"]}])
        made("subnet public-subnet " + E["PUBLIC_CIDR"])
    private = net.find_network("private", project_id=project.id)
    if private is None:
        private = net.create_network(name="private", project_id=project.id)
        made("network private")
    subnet = net.find_subnet("private-subnet", network_id=private.id)
    if subnet is None:
        subnet = net.create_subnet(name="private-subnet", network_id=private.id, project_id=project.id,
                                   ip_version=4, cidr=E["PRIVATE_CIDR"], gateway_ip=E["PRIVATE_GW"],
                                   is_dhcp_enabled=True)
        made("subnet private-subnet " + E["PRIVATE_CIDR"])
    router = net.find_router("router", project_id=project.id)
    if router is None:
        router = net.create_router(name="router", project_id=project.id,
                                   external_gateway_info={"network_id": public.id})
        made("router router")
    elif not router.external_gateway_info:
        net.update_router(router, external_gateway_info={"network_id": public.id})
        made("router gateway")
    ports = net.ports(device_id=router.id, network_id=private.id)
    if not any(True for _ in ports):
        net.add_interface_to_router(router, subnet_id=subnet.id)
        made("router interface on private-subnet")


def get(url):
    req = urllib.request.Request(url, headers={"X-Auth-Token": E["ADMIN_TOKEN"], "Accept": "application/json"})
    with urllib.request.urlopen(req, timeout=20) as r:
        return json.load(r)


def catalog_present():
    """Everything catalog() would create is there (plain REST with up's admin token: no SDK import)."""
    services = {s["type"]: s["id"] for s in get(KEYSTONE + "/services")["services"]}
    endpoints = {(e["service_id"], e["interface"]) for e in get(KEYSTONE + "/endpoints")["endpoints"]}
    for _, typ, _ in CATALOG:
        if typ not in services or not all((services[typ], i) in endpoints for i in ("public", "internal")):
            return False
    projects = {p["name"] for p in get(KEYSTONE + "/projects")["projects"]}
    if not {"service", E["MEMBER_PROJECT"]} <= projects:
        return False
    have = set()
    for a in get(KEYSTONE + "/role_assignments?include_names=true")["role_assignments"]:
        if "user" in a and "project" in a.get("scope", {}):
            have.add((a["user"]["name"], a["scope"]["project"]["name"], a["role"]["name"]))
    want = {(u, "service", "admin") for u in SERVICE_USERS} | {(E["MEMBER_USER"], E["MEMBER_PROJECT"], "member")}
    return want <= have


def resources_present():
    nova, neutron = "http://127.0.0.1:8774/v2.1", "http://127.0.0.1:9696/v2.0"
    flavors = {f["name"] for f in get(nova + "/flavors?is_public=None")["flavors"]}
    if not {f[1] for f in FLAVORS} <= flavors:
        return False
    nets = {n["name"]: n["id"] for n in get(neutron + "/networks?fields=id&fields=name")["networks"]}
    subnets = {s["name"] for s in get(neutron + "/subnets?fields=name")["subnets"]}
    if not ({"public", "private"} <= set(nets) and {"public-subnet", "private-subnet"} <= subnets):
        return False
    routers = [r for r in get(neutron + "/routers?name=router")["routers"] if r.get("external_gateway_info")]
    if not routers:
        return False
    ports = get(neutron + "/ports?fields=id&device_id=%s&network_id=%s" % (routers[0]["id"], nets["private"]))["ports"]
    return bool(ports)


def main():
    phase = sys.argv[1]
    if E.get("ADMIN_TOKEN"):
        try:
            if {"catalog": catalog_present, "resources": resources_present}[phase]():
                print("nothing to create (%s)" % phase)
                return
        except Exception as e:  # fall back to the SDK, which creates what is missing
            print("quick check failed (%s): using the SDK" % e, file=sys.stderr)
    c = admin()
    {"catalog": catalog, "resources": resources}[phase](c)
    if not created:
        print("nothing to create (%s)" % phase)


if __name__ == "__main__":
    main()
