"""Debian's nginx with Podium's shipped site configuration (config/nginx) in front of plugins on
loopback: TLS with a self-signed certificate, one name per plugin (screens, booths, ask
.venue.test), HSTS, live feeds unbuffered, X-Forwarded-* from 127.0.0.2 (proxy_bind). The
shipped files are used as they are; only ports, names, paths and the certificate change."""
import glob
import os
import socket
import subprocess
import time
from pathlib import Path

from conftest import real_clock

REPO = Path(__file__).resolve().parent.parent.parent
SITE = REPO / "config" / "nginx"
NAMES = {"display": "screens", "booths": "booths", "questions": "ask"}
UPSTREAM_PORTS = {"display": 8471, "booths": 8472, "questions": 8473}
# The address nginx connects to the plugins from: the plugins' web.trustedProxies.
PROXY_ADDRESS = "127.0.0.2"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def two_years_ago():
    """An environment whose clock is two years back (libfaketime, relative to the real clock): a
    certificate made there is valid for the browsers, which keep the real clock, and for curl and
    nginx at any instant the suite pins, before today or after it, whatever day it runs."""
    libraries = sorted(glob.glob("/usr/lib/*/faketime/libfaketime.so.1"))
    assert libraries, "libfaketime is missing (scripts/install-deps --test installs faketime)"
    return {**real_clock(), "LD_PRELOAD": libraries[0], "FAKETIME": "-730d"}


class NginxFront:
    """nginx on a free TLS port and a free plain port; start(upstreams) once the plugins listen."""

    def __init__(self, workdir, listen="127.0.0.1", launcher=()):
        """`listen`: the address nginx listens on; `launcher`: what runs it (`ip netns exec HOST`)."""
        self.listen, self.launcher = listen, list(launcher)
        self.workdir = Path(workdir) / "nginx"
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.tls_port, self.plain_port = free_port(), free_port()
        self.certificate, self.key = self.workdir / "podium.crt", self.workdir / "podium.key"
        hosts = ",".join(f"DNS:{name}.venue.test" for name in NAMES.values())
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "3650",
                        "-keyout", str(self.key), "-out", str(self.certificate), "-subj", "/CN=venue.test",
                        "-addext", f"subjectAltName={hosts}"], check=True, capture_output=True, timeout=60,
                       env=two_years_ago())
        self.process = None

    def host(self, plugin):
        return f"{NAMES[plugin]}.venue.test"

    def origin(self, plugin):
        """Where people reach `plugin`: its public URL (public.<plugin>)."""
        return f"https://{self.host(plugin)}:{self.tls_port}"

    def environment(self):
        """What the plugins behind this front need: their public URLs and the trusted proxy."""
        return {"PODIUM_DISPLAY_URL": self.origin("display"), "PODIUM_BOOTH_URL": self.origin("booths"),
                "PODIUM_QA_URL": self.origin("questions"), "PODIUM_TRUSTED_PROXIES": PROXY_ADDRESS}

    def chromium_arguments(self):
        return [f"--host-resolver-rules=MAP *.venue.test {self.listen}", "--ignore-certificate-errors"]

    def start(self, upstreams):
        """Starts nginx in front of {plugin: port or [ports]} (plugins not named keep the shipped port)."""
        site = (SITE / "podium.conf").read_text(encoding="utf-8")
        for plugin, ports in upstreams.items():
            servers = "\n  ".join(f"server 127.0.0.1:{port};"
                                  for port in (ports if isinstance(ports, list) else [ports]))
            shipped = f"server 127.0.0.1:{UPSTREAM_PORTS[plugin]};"
            assert shipped in site, shipped
            site = site.replace(shipped, servers)
        site = "\n".join(line for line in site.splitlines() if "listen [::]" not in line)
        site = (site.replace("listen 443 ssl http2;", f"listen {self.listen}:{self.tls_port} ssl http2;")
                .replace("listen 80;", f"listen {self.listen}:{self.plain_port};")
                .replace("venue.example", "venue.test")
                .replace("/etc/nginx/snippets/podium-proxy.conf", str(self.workdir / "podium-proxy.conf")))
        proxy = (SITE / "podium-proxy.conf").read_text(encoding="utf-8")
        proxy = (proxy.replace("/etc/podium/tls/podium.crt", str(self.certificate))
                 .replace("/etc/podium/tls/podium.key", str(self.key)))
        assert f"proxy_bind {PROXY_ADDRESS};" in proxy
        (self.workdir / "podium.conf").write_text(site, encoding="utf-8")
        (self.workdir / "podium-proxy.conf").write_text(proxy, encoding="utf-8")
        w = self.workdir
        temp = " ".join(f"{kind}_temp_path {w}/{kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
        (w / "nginx.conf").write_text(f"""daemon off;
worker_processes 1;
pid {w}/nginx.pid;
error_log {w}/error.log info;
{"user root;" if os.geteuid() == 0 else ""}
events {{ worker_connections 8192; }}
http {{
  log_format podium '"$cookie_podium_device" $upstream_addr $status "$request"';
  access_log {w}/access.log podium;
  {temp}
  include {w}/podium.conf;
}}
""", encoding="utf-8")
        self.log = open(w / "nginx.out", "wb")
        self.process = subprocess.Popen([*self.launcher, "nginx", "-p", str(w), "-c", str(w / "nginx.conf")],
                                        stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"nginx stopped: {(w / 'nginx.out').read_text()} {(w / 'error.log').read_text()}")
            probe = subprocess.run([*self.launcher, "bash", "-c", f"exec 3<>/dev/tcp/{self.listen}/{self.tls_port}"],
                                   capture_output=True, timeout=10)
            if probe.returncode == 0:
                return self
            time.sleep(0.05)
        raise RuntimeError("nginx did not listen")

    def upstreams_by_device(self):
        """{device cookie: the instances (host:port) nginx sent its requests to}, from the access log."""
        seen = {}
        for line in (self.workdir / "access.log").read_text(errors="replace").splitlines():
            device, upstream = line.split('"')[1], line.split('"')[2].split()[0]
            if device not in ("", "-") and upstream != "-":
                seen.setdefault(device, set()).update(part.strip() for part in upstream.split(","))
        return seen

    def curl(self, plugin, path, *arguments, source=None, tls=True, timeout=20):
        """curl through the front as a client would (its name resolved here, the certificate
        checked against the test's own); `source` picks the client's loopback address."""
        port = self.tls_port if tls else self.plain_port
        scheme = "https" if tls else "http"
        command = ["curl", "-sS", "--max-time", str(timeout), "--resolve", f"{self.host(plugin)}:{port}:{self.listen}",
                   "--cacert", str(self.certificate), *arguments, f"{scheme}://{self.host(plugin)}:{port}{path}"]
        if source:
            command[1:1] = ["--interface", source]
        return subprocess.run(command, capture_output=True, text=True, timeout=timeout + 10)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process:
            self.log.close()
