"""A local Microsoft 365: an Entra ID authority for MSAL and the part of Graph v1.0 Aizuchi uses.

Authority (`/common`): the OpenID configuration, the authorise endpoint (straight
back to MSAL's `http://localhost` listener with a code) and the token endpoint,
which returns what MSAL needs to create an account in its cache — an unsigned
`id_token` carrying the request's nonce, and `client_info` (what MSAL checks).

Graph (`/v1.0`): mail folders (well-known names resolve), messages with
`$select`/`$top`/`$skip` paging through `@odata.nextLink`, MIME via `/$value`,
PATCH of `isRead`/`flag`, `sendMail` with a base64 MIME body (filed in Sent
Items, recorded in `sent`), `$filter=internetMessageId eq '…'`, and a per-folder
delta query with a change log: pages by `Prefer: odata.maxpagesize`, a
`@odata.deltaLink` carrying a sequence number, `@removed` entries, and 410 for
a token older than `delta_floor` (`expire_deltas()`).
"""

from __future__ import annotations

import base64
import email
import email.policy
import itertools
import json
import secrets
import time
from dataclasses import dataclass, field
from email.utils import parseaddr
from typing import Any
from urllib.parse import quote, unquote, urlencode

from tests.fake_api import FakeApiServer, Request, Response, error_response, json_response
from tests.servers import Certs

ADDRESS = "shop@example.onmicrosoft.com"
TENANT = "9188040d-6c67-4c5b-b112-36a304b66dad"
UID = "00000000-0000-0000-66f3-3332eca7ea81"
WELL_KNOWN = {"inbox": "受信トレイ", "sentitems": "送信済みアイテム", "drafts": "下書き",
              "deleteditems": "削除済みアイテム", "junkemail": "迷惑メール"}


def _b64url(data: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


@dataclass
class GraphMessage:
    id: str
    folder: str
    raw: bytes
    subject: str
    sender: tuple[str, str]
    received: str
    message_id: str
    is_read: bool = False
    flagged: bool = False

    def item(self) -> dict[str, Any]:
        return {
            "id": self.id, "subject": self.subject,
            "from": {"emailAddress": {"name": self.sender[0], "address": self.sender[1]}},
            "receivedDateTime": self.received, "isRead": self.is_read, "internetMessageId": self.message_id,
            "flag": {"flagStatus": "flagged" if self.flagged else "notFlagged"},
            "singleValueExtendedProperties": [{"id": "Integer 0xe08", "value": str(len(self.raw))}],
        }


@dataclass
class GraphState:
    folders: dict[str, str] = field(default_factory=dict)          # id → display name
    well_known: dict[str, str] = field(default_factory=dict)       # name → id
    messages: dict[str, GraphMessage] = field(default_factory=dict)
    changes: list[tuple[int, str, str, str]] = field(default_factory=list)  # (seq, folder, id, kind)
    seq: int = 1
    delta_floor: int = 0
    sent: list[bytes] = field(default_factory=list)
    pages: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # skiptoken → rest of a round


class FakeGraph(FakeApiServer):
    def __init__(self, certs: Certs) -> None:
        super().__init__(certs)
        self.state = GraphState()
        self._ids = itertools.count(1)
        for name, display in WELL_KNOWN.items():
            folder_id = "AAMkAD" + secrets.token_urlsafe(18)
            self.state.folders[folder_id] = display
            self.state.well_known[name] = folder_id
        self.state.folders["AAMkAD-custom-" + secrets.token_urlsafe(8)] = "お得意様"

    # -- test helpers ---------------------------------------------------------------------
    @property
    def authority(self) -> str:
        return self.base + "/common"

    @property
    def api_endpoint(self) -> str:
        return self.base + "/v1.0"

    def folder_id(self, name: str) -> str:
        return self.state.well_known[name]

    def _change(self, message: GraphMessage, kind: str, folder: str | None = None) -> None:
        self.state.seq += 1
        self.state.changes.append((self.state.seq, folder or message.folder, message.id, kind))

    def add(self, raw: bytes, folder: str = "inbox", is_read: bool = False, log: bool = True) -> str:
        with self.lock:
            parsed = email.message_from_bytes(raw, policy=email.policy.default)
            name, address = parseaddr(str(parsed.get("From", "")))
            date = parsed.get("Date")
            received = (date.datetime if date is not None and hasattr(date, "datetime") else None)
            stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(received.timestamp() if received else 0))
            key = "AAMkAGI2" + f"{next(self._ids):08d}" + secrets.token_urlsafe(6) + "="
            message = GraphMessage(key, self.state.well_known.get(folder, folder), raw, str(parsed.get("Subject", "")),
                                   (name, address), stamp, str(parsed.get("Message-ID", "")).strip(), is_read)
            self.state.messages[key] = message
            if log:
                self._change(message, "upsert")
            return key

    def add_many(self, raws: list[bytes], folder: str = "inbox") -> None:
        for raw in raws:
            self.add(raw, folder, log=False)

    def set_read(self, key: str, read: bool) -> None:
        with self.lock:
            message = self.state.messages[key]
            message.is_read = read
            self._change(message, "upsert")

    def delete(self, key: str) -> None:
        with self.lock:
            message = self.state.messages.pop(key)
            self._change(message, "removed")

    def expire_deltas(self) -> None:
        with self.lock:
            self.state.seq += 1
            self.state.delta_floor = self.state.seq

    # -- routing -------------------------------------------------------------------------------
    def handle(self, request: Request) -> Response:
        route = request.route
        if route.startswith("/common/") or route.startswith(f"/{TENANT}/"):
            return self._authority(request, route)
        if not self.authorized(request):
            return error_response(401, "Access token has expired or is not yet valid.", "InvalidAuthenticationToken")
        if not route.startswith("/v1.0/me"):
            return error_response(404, f"no route {route}", "ResourceNotFound")
        with self.lock:
            return self._graph(request, unquote(route[len("/v1.0/me"):]))

    def _authority(self, request: Request, route: str) -> Response:
        if route.endswith("/v2.0/.well-known/openid-configuration"):
            return json_response({
                "issuer": f"{self.base}/{TENANT}/v2.0",
                "authorization_endpoint": f"{self.base}/common/oauth2/v2.0/authorize",
                "token_endpoint": f"{self.base}/common/oauth2/v2.0/token",
                "device_authorization_endpoint": f"{self.base}/common/oauth2/v2.0/devicecode",
                "end_session_endpoint": f"{self.base}/common/oauth2/v2.0/logout",
                "response_types_supported": ["code"], "tenant_region_scope": "AS",
            })
        if route.endswith("/oauth2/v2.0/authorize"):
            return self.authorize(request)
        if route.endswith("/oauth2/v2.0/token") and request.method == "POST":
            response, record = self.issue_tokens(request)
            if response.status != 200:
                return response
            body = json.loads(response.body)
            now = int(time.time())
            claims = {"aud": self.oauth.client_id, "iss": f"{self.base}/{TENANT}/v2.0", "iat": now, "nbf": now,
                      "exp": now + 3600, "name": "相槌 テスト商店", "oid": UID, "preferred_username": ADDRESS,
                      "sub": "sub-" + UID, "tid": TENANT, "ver": "2.0"}
            if record and record.get("nonce"):
                claims["nonce"] = record["nonce"]
            body["id_token"] = _b64url({"alg": "none", "typ": "JWT"}) + "." + _b64url(claims) + "."
            body["client_info"] = _b64url({"uid": UID, "utid": TENANT})
            body["scope"] = "https://graph.microsoft.com/Mail.ReadWrite https://graph.microsoft.com/Mail.Send " \
                            "https://graph.microsoft.com/User.Read"
            body["ext_expires_in"] = 3600
            return json_response(body)
        return error_response(404, f"no authority route {route}")

    def _folder(self, part: str) -> str | None:
        folder = self.state.well_known.get(part.lower(), part)
        return folder if folder in self.state.folders else None

    def _graph(self, request: Request, path: str) -> Response:
        method, query = request.method, request.query
        parts = [p for p in path.split("/") if p]
        if not parts:
            return json_response({"mail": ADDRESS, "userPrincipalName": ADDRESS, "displayName": "相槌 テスト商店"})
        if parts == ["sendMail"] and method == "POST":
            return self._send(request)
        if parts[0] == "mailFolders":
            if len(parts) == 1:
                items = [{"id": f, "displayName": n} for f, n in self.state.folders.items()]
                return self._paged(items, query, "/me/mailFolders")
            folder = self._folder(parts[1])
            if folder is None:
                return error_response(404, "The specified folder could not be found in the store.",
                                      "ErrorItemNotFound")
            if len(parts) == 2:
                return json_response({"id": folder, "displayName": self.state.folders[folder]})
            if parts[2:] == ["messages", "delta"]:
                return self._delta(request, folder)
            if parts[2:] == ["messages"]:
                return self._messages(query, folder, parts[1])
        if parts[0] == "messages" and len(parts) >= 2:
            message = self.state.messages.get(parts[1])
            if message is None:
                return error_response(404, "The specified object was not found in the store.", "ErrorItemNotFound")
            if len(parts) == 3 and parts[2] == "$value":
                return Response(200, message.raw, {"Content-Type": "text/plain"})
            if method == "PATCH":
                change = request.json()
                if "isRead" in change:
                    message.is_read = bool(change["isRead"])
                if "flag" in change:
                    message.flagged = change["flag"].get("flagStatus") == "flagged"
                self._change(message, "upsert")
                return json_response(message.item())
            return json_response(message.item())
        return error_response(404, f"no route {path}", "ResourceNotFound")

    def _paged(self, items: list[dict[str, Any]], query: dict[str, str], path: str) -> Response:
        top = int(query.get("$top") or 10)
        skip = int(query.get("$skip") or 0)
        answer: dict[str, Any] = {"value": items[skip : skip + top]}
        if skip + top < len(items):
            rest = {k: v for k, v in query.items() if k != "$skip"}
            answer["@odata.nextLink"] = f"{self.api_endpoint}{path}?" + urlencode({**rest, "$skip": skip + top})
        return json_response(answer)

    def _messages(self, query: dict[str, str], folder: str, name: str) -> Response:
        items = [m for m in self.state.messages.values() if m.folder == folder]
        wanted = query.get("$filter", "")
        if wanted.startswith("internetMessageId eq "):
            literal = wanted.split(" eq ", 1)[1].strip("'").replace("''", "'")
            items = [m for m in items if m.message_id == literal]
        items.sort(key=lambda m: m.received, reverse=True)
        return self._paged([m.item() for m in items], query, f"/me/mailFolders/{quote(name, safe='')}/messages")

    def _delta(self, request: Request, folder: str) -> Response:
        query = request.query
        size = 10
        prefer = request.headers.get("Prefer") or request.headers.get("prefer") or ""
        if "odata.maxpagesize=" in prefer:
            size = int(prefer.split("odata.maxpagesize=", 1)[1].split(",")[0])
        base = f"{self.api_endpoint}/me/mailFolders/{quote(folder, safe='')}/messages/delta"
        if "$skiptoken" in query:
            token = query["$skiptoken"]
            rest, end = self.state.pages.pop(token, None), None
            if rest is None:
                return error_response(410, "The sync state is invalid.", "SyncStateNotFound")
            end = int(token.split("-")[0])
        else:
            if "$deltatoken" in query:
                since = int(query["$deltatoken"])
                if since < self.state.delta_floor:
                    return error_response(410, "resyncRequired", "SyncStateInvalid")
                latest: dict[str, str] = {}
                for seq, changed_folder, key, kind in self.state.changes:
                    if seq > since and changed_folder == folder:
                        latest[key] = kind
                rest = []
                for key, kind in latest.items():
                    message = self.state.messages.get(key)
                    if kind == "removed" or message is None or message.folder != folder:
                        rest.append({"id": key, "@removed": {"reason": "deleted"}})
                    else:
                        rest.append(message.item())
            else:
                rest = [m.item() for m in self.state.messages.values() if m.folder == folder]
            end = self.state.seq
        page, remaining = rest[:size], rest[size:]
        answer: dict[str, Any] = {"value": page}
        if remaining:
            token = f"{end}-{secrets.token_hex(6)}"
            self.state.pages[token] = remaining
            answer["@odata.nextLink"] = f"{base}?$skiptoken={token}"
        else:
            answer["@odata.deltaLink"] = f"{base}?$deltatoken={end}"
        return json_response(answer)

    def _send(self, request: Request) -> Response:
        content_type = (request.headers.get("Content-Type") or request.headers.get("content-type") or "").lower()
        if not content_type.startswith("text/plain"):
            return error_response(400, "MIME content must be text/plain base64", "ErrorMimeContentInvalid")
        try:
            raw = base64.b64decode(request.body, validate=True)
        except ValueError:
            return error_response(400, "Invalid base64 string for MIME content.", "ErrorMimeContentInvalidBase64String")
        self.state.sent.append(raw)
        self.add(raw, "sentitems", is_read=True)
        return Response(202)
