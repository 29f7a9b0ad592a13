"""What the local Gmail and Graph servers share: HTTPS on 127.0.0.1, OAuth tokens, faults on demand.

Each fake is a `ThreadingHTTPServer` speaking HTTP/1.1 (keep-alive, as the real
services do) with a trustme certificate, so the real client libraries run
unchanged: google-auth/oauthlib refuse a token endpoint over plain http, MSAL an
authority over plain http. The OAuth part is a real authorisation-code server:
the authorise endpoint redirects straight back to the loopback redirect URI
with a code (no login page: the "browser" is `FetchBrowser`), the token
endpoint checks the PKCE verifier against the challenge and issues access and
refresh tokens, which can be expired or revoked from a test.

Faults: `fail(path_part, status, count, retry_after)` answers the next matching
requests with an error; `drop_next(path_part)` reads a request fully, records
it, and closes the connection without a reply (the "dropped mid-send" case).
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
import secrets
import socket
import threading
import webbrowser
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlparse

import requests

from tests.servers import Certs


@dataclass
class Fault:
    path_part: str
    status: int
    count: int
    retry_after: str | None = None
    method: str = ""


@dataclass
class OAuthState:
    client_id: str = "aizuchi-test-client"
    codes: dict[str, dict[str, str]] = field(default_factory=dict)
    access_tokens: set[str] = field(default_factory=set)
    refresh_tokens: set[str] = field(default_factory=set)
    code_exchanges: int = 0
    refreshes: int = 0
    pkce_checked: int = 0


class FakeApiServer:
    """Base of the two fakes: routing is the subclass's `handle(request)`."""

    def __init__(self, certs: Certs) -> None:
        self.certs = certs
        self.oauth = OAuthState()
        self.lock = threading.RLock()
        self.faults: list[Fault] = []
        self.drops: list[str] = []
        self.log: list[tuple[str, str]] = []  # (method, path with query)
        self.unauthorized = 0                 # 401s answered for a bad or expired token
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Headers and body leave in two writes; with Nagle on, keep-alive requests would
            # each wait for a delayed ACK (~40 ms), which no real service makes clients do.
            disable_nagle_algorithm = True

            def log_message(self, format: str, *args: Any) -> None:
                return

            def _serve(self, method: str) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                request = Request(method, self.path, dict(self.headers.items()), body)
                with fake.lock:
                    fake.log.append((method, self.path))
                    drop = next((d for d in fake.drops if d in self.path), None)
                    if drop is not None:
                        fake.drops.remove(drop)
                fake.before(request)
                if drop is not None:
                    fake.handle(request)  # the server did the work...
                    self.close_connection = True
                    with _quiet():
                        self.connection.shutdown(socket.SHUT_RDWR)  # ...and the reply never came
                    return
                response = fake.fault_for(request) or fake.handle(request)
                self.send_response(response.status)
                for name, value in response.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(response.body)))
                self.end_headers()
                self.wfile.write(response.body)

            def do_GET(self) -> None:
                self._serve("GET")

            def do_POST(self) -> None:
                self._serve("POST")

            def do_PATCH(self) -> None:
                self._serve("PATCH")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.server.socket = certs.server_context().wrap_socket(self.server.socket, server_side=True)
        self.port = int(self.server.server_address[1])
        self.base = f"https://127.0.0.1:{self.port}"
        self._thread: threading.Thread | None = None

    # -- life ----------------------------------------------------------------------
    def start(self) -> None:
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    # -- faults ----------------------------------------------------------------------
    def fail(self, path_part: str, status: int, count: int = 1, retry_after: str | None = None,
             method: str = "") -> None:
        with self.lock:
            self.faults.append(Fault(path_part, status, count, retry_after, method))

    def drop_next(self, path_part: str) -> None:
        with self.lock:
            self.drops.append(path_part)

    def fault_for(self, request: Request) -> Response | None:
        with self.lock:
            for fault in self.faults:
                if fault.path_part in request.path and fault.count > 0 and (
                    not fault.method or fault.method == request.method
                ):
                    fault.count -= 1
                    headers = {"Content-Type": "application/json"}
                    if fault.retry_after is not None:
                        headers["Retry-After"] = fault.retry_after
                    return Response(fault.status, json.dumps(
                        {"error": {"code": fault.status, "message": f"injected {fault.status}"}}).encode(), headers)
        return None

    def before(self, request: Request) -> None:
        """Hook for subclasses (e.g. counting)."""

    def calls(self, path_part: str, method: str = "") -> int:
        with self.lock:
            return sum(1 for m, p in self.log if path_part in p and (not method or m == method))

    # -- OAuth -------------------------------------------------------------------------
    def authorize(self, request: Request, extra: dict[str, str] | None = None) -> Response:
        """The consent page, already agreed: back to the loopback redirect with a code."""
        query = request.query
        code = secrets.token_urlsafe(16)
        with self.lock:
            self.oauth.codes[code] = {
                "challenge": query.get("code_challenge", ""), "method": query.get("code_challenge_method", ""),
                "redirect_uri": query.get("redirect_uri", ""), "nonce": query.get("nonce", ""),
                "scope": query.get("scope", ""),
            }
        fields = {"code": code, "state": query.get("state", ""), **(extra or {})}
        if query.get("response_mode") == "form_post":
            # As Entra ID does: a page whose form posts the code to the redirect URI on load.
            inputs = "".join(f'<input type="hidden" name="{k}" value="{html.escape(v)}"/>' for k, v in fields.items())
            page = (f'<html><body onload="document.forms[0].submit()"><form method="post" '
                    f'action="{html.escape(query["redirect_uri"])}">{inputs}</form></body></html>')
            return Response(200, page.encode(), {"Content-Type": "text/html; charset=utf-8"})
        target = query["redirect_uri"] + ("&" if "?" in query["redirect_uri"] else "?") + urlencode(fields)
        return Response(302, b"", {"Location": target})

    def issue_tokens(self, request: Request) -> tuple[Response, dict[str, str] | None]:
        """The token endpoint: (response, the code's record for an authorization_code grant)."""
        form = {k: v[0] for k, v in parse_qs(request.body.decode()).items()}
        grant = form.get("grant_type")
        with self.lock:
            record = None
            if grant == "authorization_code":
                record = self.oauth.codes.pop(form.get("code", ""), None)
                if record is None:
                    return _oauth_error("invalid_grant", "unknown code"), None
                if record["challenge"]:
                    verifier = form.get("code_verifier", "")
                    digest = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=")
                    if record["method"] != "S256" or digest.decode() != record["challenge"]:
                        return _oauth_error("invalid_grant", "PKCE verification failed"), None
                    self.oauth.pkce_checked += 1
                self.oauth.code_exchanges += 1
            elif grant == "refresh_token":
                if form.get("refresh_token") not in self.oauth.refresh_tokens:
                    return _oauth_error("invalid_grant", "Token has been expired or revoked."), None
                self.oauth.refreshes += 1
            else:
                return _oauth_error("unsupported_grant_type", str(grant)), None
            access = "at-" + secrets.token_urlsafe(12)
            self.oauth.access_tokens.add(access)
            refresh = form.get("refresh_token") or "rt-" + secrets.token_urlsafe(12)
            self.oauth.refresh_tokens.add(refresh)
        body = {"access_token": access, "token_type": "Bearer", "expires_in": 3600, "refresh_token": refresh,
                "scope": (record or {}).get("scope") or form.get("scope", "")}
        return Response(200, json.dumps(body).encode(), {"Content-Type": "application/json"}), record

    def authorized(self, request: Request) -> bool:
        header = request.headers.get("Authorization") or request.headers.get("authorization") or ""
        with self.lock:
            ok = header.startswith("Bearer ") and header[7:] in self.oauth.access_tokens
            if not ok:
                self.unauthorized += 1
            return ok

    def expire_access_tokens(self) -> None:
        """Every access token handed out so far now gets 401 (as after an hour)."""
        with self.lock:
            self.oauth.access_tokens.clear()

    def revoke_refresh_tokens(self) -> None:
        """The user revoked the app (or the admin did): refreshing answers invalid_grant."""
        with self.lock:
            self.oauth.refresh_tokens.clear()
            self.oauth.access_tokens.clear()

    def handle(self, request: Request) -> Response:
        raise NotImplementedError


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes

    @property
    def route(self) -> str:
        return urlparse(self.path).path

    @property
    def query(self) -> dict[str, str]:
        return {k: v[-1] for k, v in parse_qs(urlparse(self.path).query, keep_blank_values=True).items()}

    @property
    def query_lists(self) -> dict[str, list[str]]:
        return parse_qs(urlparse(self.path).query, keep_blank_values=True)

    def json(self) -> Any:
        return json.loads(self.body or b"{}")


@dataclass
class Response:
    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


def json_response(data: Any, status: int = 200) -> Response:
    return Response(status, json.dumps(data, ensure_ascii=False).encode("utf-8"),
                    {"Content-Type": "application/json; charset=UTF-8"})


def error_response(status: int, message: str, code: str = "") -> Response:
    return json_response({"error": {"code": code or status, "message": message}}, status)


def _oauth_error(error: str, description: str) -> Response:
    return json_response({"error": error, "error_description": description}, 400)


class _quiet:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> bool:
        return True


_FORM = re.compile(r'<form method="post" action="([^"]*)">(.*?)</form>', re.S)
_INPUT = re.compile(r'<input type="hidden" name="([^"]*)" value="([^"]*)"/>')


class FetchBrowser(webbrowser.BaseBrowser):
    """A "system browser" for tests: GETs the authorise URL and follows the redirect to
    the app's loopback server, in a thread (as a real browser runs beside the app)."""

    def __init__(self, ca_path: str) -> None:
        super().__init__("aizuchi-test-browser")
        self.ca_path = ca_path
        self.opened: list[str] = []
        self.errors: list[BaseException] = []

    def open(self, url: str, new: int = 0, autoraise: bool = True) -> bool:
        self.opened.append(url)

        def visit() -> None:
            try:
                session = requests.Session()
                session.trust_env = False
                session.verify = self.ca_path
                page = session.get(url, timeout=20)
                form = _FORM.search(page.text)
                if form is not None:  # response_mode=form_post: submit it, as the page's script would
                    fields = {html.unescape(n): html.unescape(v) for n, v in _INPUT.findall(form.group(2))}
                    session.post(html.unescape(form.group(1)), data=fields, timeout=20)
            except BaseException as error:
                self.errors.append(error)

        threading.Thread(target=visit, daemon=True).start()
        return True


def install_browser(browser: FetchBrowser) -> None:
    """Make `browser` the one `webbrowser.open()` / `webbrowser.get()` pick first."""
    webbrowser.register(browser.name, None, browser, preferred=True)


def uninstall_browser(browser: FetchBrowser) -> None:
    with _quiet():
        webbrowser._tryorder.remove(browser.name)  # type: ignore[attr-defined]
    webbrowser._browsers.pop(browser.name.lower(), None)  # type: ignore[attr-defined]
