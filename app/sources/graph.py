"""A Microsoft 365 / Outlook.com mailbox through Microsoft Graph (MSAL for the tokens, requests for the calls).

Owns the Graph conversation behind our seams: mail folders (the well-known
ones get their roles), a per-folder delta query for the sync
(`/mailFolders/{id}/messages/delta` with `$select`, pages of
`Prefer: odata.maxpagesize` followed through `@odata.nextLink` to the
`@odata.deltaLink` kept as the folder's `SyncState`; a 410 means Graph forgot
the token, and the folder is loaded again), bodies as MIME from `/$value`,
read and flagged state both ways, and sending: the reply's own MIME, base64,
to `/sendMail` (Exchange keeps our Message-ID and files the copy in Sent
Items, where `find_sent` looks with `$filter=internetMessageId eq …`).

Every call goes through `_request`: a 401 refreshes the token once and tries
again; 429 and 5xx wait (`Retry-After` honoured, capped: `app.sources.rest`);
the rest become our errors. A send is never retried after a drop or a 5xx:
that is `SendOutcomeUnknown`, and the outbox looks in Sent first.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from typing import Any
from urllib.parse import quote

import requests

from app.model import (
    Address,
    Flag,
    Folder,
    FolderRole,
    FolderSnapshot,
    Header,
    MessageRef,
    OutgoingMessage,
    RemoteHeader,
    SyncState,
)
from app.sources.delta import group_bodies, header_batches_of
from app.sources.errors import AuthExpired, NetworkDown, NotFound, SendOutcomeUnknown
from app.sources.graph_auth import MicrosoftAuth
from app.sources.oauth import MicrosoftClient
from app.sources.rest import DEFAULT_TIMEOUT, RETRY_STATUSES, Backoff, Gone, http_session, status_error, transport_error

PAGE = 500
BODY_WORKERS = 4  # Graph allows 4 concurrent requests per mailbox before it throttles
_WELL_KNOWN = {
    "inbox": FolderRole.INBOX, "sentitems": FolderRole.SENT, "drafts": FolderRole.DRAFTS,
    "deleteditems": FolderRole.TRASH, "junkemail": FolderRole.JUNK,
}
_SIZE_PROPERTY = "Integer 0x0E08"  # PR_MESSAGE_SIZE: Graph v1.0 has no size property of its own
_SELECT = "subject,from,receivedDateTime,isRead,internetMessageId,flag"
_EXPAND = f"singleValueExtendedProperties($filter=id eq '{_SIZE_PROPERTY}')"


def _flags(item: dict[str, Any]) -> frozenset[Flag]:
    found = set()
    if item.get("isRead"):
        found.add(Flag.SEEN)
    if (item.get("flag") or {}).get("flagStatus") == "flagged":
        found.add(Flag.FLAGGED)
    return frozenset(found)


def _size(item: dict[str, Any]) -> int:
    for prop in item.get("singleValueExtendedProperties") or []:
        kind, _, tag = str(prop.get("id", "")).partition(" ")
        # Graph answers with its own spelling of the tag ("Integer 0xe08").
        if kind.lower() == "integer" and tag.lower().startswith("0x") and int(tag, 16) == 0x0E08:
            try:
                return int(prop.get("value", 0))
            except (TypeError, ValueError):
                return 0
    return 0


def _date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def _header(folder_id: str, item: dict[str, Any]) -> RemoteHeader:
    sender = ((item.get("from") or {}).get("emailAddress")) or {}
    flags = _flags(item)
    return RemoteHeader(
        Header(
            ref=MessageRef(folder_id, str(item["id"])), subject=str(item.get("subject") or ""),
            sender=Address(str(sender.get("name") or ""), str(sender.get("address") or "")),
            date=_date(item.get("receivedDateTime")), seen=Flag.SEEN in flags, size=_size(item),
        ),
        message_id=str(item.get("internetMessageId") or ""), flags=flags,
    )


def _graph_message(response: requests.Response) -> str:
    try:
        error = response.json().get("error", {})
        return str(error.get("message") or error.get("code") or response.reason)
    except ValueError:
        return response.reason or str(response.status_code)


class GraphSource:
    """One Microsoft 365 account. Use from one thread at a time (the account's lane)."""

    def __init__(
        self,
        client: MicrosoftClient,
        cache_json: str,
        on_token: Callable[[str], None] | None = None,
        backoff: Backoff | None = None,
        timeout: float = DEFAULT_TIMEOUT,
    ) -> None:
        self.client = client
        self.base = client.api_endpoint.rstrip("/")
        self.backoff = backoff or Backoff()
        self.timeout = timeout
        self.session = http_session(client.ca_file)
        # More pooled connections than body workers, so none waits for a socket.
        self.session.mount("https://", requests.adapters.HTTPAdapter(pool_maxsize=BODY_WORKERS * 2))
        self.auth = MicrosoftAuth(client, cache_json, on_token, self.session)
        self._token: str | None = None
        self._roles: dict[str, FolderRole] | None = None
        self._headers: dict[str, dict[str, Any]] = {}  # items the last delta pages carried

    # -- calls --------------------------------------------------------------------------
    def _request(
        self, method: str, path: str, *, params: dict[str, str] | None = None, json_body: Any = None,
        data: bytes | None = None, headers: dict[str, str] | None = None, sending: bool = False,
        token: str | None = None,
    ) -> requests.Response:
        url = path if path.startswith("https://") or path.startswith("http://") else self.base + path
        backoff = self.backoff.fresh()
        attempt = 1
        refreshed = False
        while True:
            bearer = token or self._token or self.auth.token()
            self._token = bearer if token is None else self._token
            try:
                response = self.session.request(
                    method, url, params=params, json=json_body, data=data, timeout=self.timeout,
                    headers={"Authorization": f"Bearer {bearer}", **(headers or {})},
                )
            except requests.RequestException as error:
                raise transport_error(error, sending) from error
            status = response.status_code
            if status == 401 and not refreshed and token is None:
                # The access token expired (or was revoked early): refresh once, silently.
                refreshed = True
                token = None
                self._token = self.auth.token(force=True)
                continue
            if status in RETRY_STATUSES:
                if sending and status not in (429, 503):
                    raise SendOutcomeUnknown(f"{status} {_graph_message(response)}")
                if backoff.wait(attempt, response.headers.get("Retry-After")):
                    attempt += 1
                    continue
            if status >= 400:
                raise status_error(status, _graph_message(response))
            return response

    def _get_json(self, path: str, params: dict[str, str] | None = None,
                  headers: dict[str, str] | None = None) -> dict[str, Any]:
        body = self._request("GET", path, params=params, headers=headers).json()
        return body if isinstance(body, dict) else {}

    def _pages(self, path: str, params: dict[str, str] | None = None,
               headers: dict[str, str] | None = None) -> Iterator[dict[str, Any]]:
        """Every page of a collection, following `@odata.nextLink`."""
        page = self._get_json(path, params, headers)
        while True:
            yield page
            link = page.get("@odata.nextLink")
            if not link:
                return
            page = self._get_json(str(link), None, headers)

    def profile_email(self) -> str:
        me = self._get_json("/me", {"$select": "mail,userPrincipalName"})
        return str(me.get("mail") or me.get("userPrincipalName") or self.auth.account_email())

    # -- folders ----------------------------------------------------------------------------
    def _well_known(self) -> dict[str, FolderRole]:
        if self._roles is None:
            roles: dict[str, FolderRole] = {}
            for name, role in _WELL_KNOWN.items():
                try:
                    roles[str(self._get_json(f"/me/mailFolders/{name}", {"$select": "id"})["id"])] = role
                except (NotFound, KeyError):
                    continue
            self._roles = roles
        return self._roles

    def folders(self) -> list[Folder]:
        roles = self._well_known()
        found: list[Folder] = []
        for page in self._pages("/me/mailFolders", {"$top": "100", "$select": "id,displayName"}):
            for item in page.get("value", []):
                folder_id = str(item["id"])
                found.append(Folder(folder_id, str(item.get("displayName") or ""),
                                    roles.get(folder_id, FolderRole.OTHER)))
        found.sort(key=lambda f: (f.role is not FolderRole.INBOX, f.role is FolderRole.OTHER, f.name))
        return found

    # -- sync ------------------------------------------------------------------------------------
    def snapshot(self, folder: Folder, since: SyncState | None) -> FolderSnapshot:
        saved: dict[str, Any] = json.loads(since.token) if since is not None else {}
        link = saved.get("delta")
        if link:
            try:
                return self._delta(folder, str(link), partial=True)
            except Gone:
                pass  # Graph no longer knows this token (410): load the folder again
        snapshot = self._delta(folder, f"/me/mailFolders/{quote(folder.id, safe='')}/messages/delta", partial=False)
        if saved:
            return FolderSnapshot(state=snapshot.state, keys=snapshot.keys, reset=True, flags=snapshot.flags)
        return snapshot

    def _delta(self, folder: Folder, start: str, partial: bool) -> FolderSnapshot:
        params = None if partial else {"$select": _SELECT, "$expand": _EXPAND}
        headers = {"Prefer": f"odata.maxpagesize={PAGE}"}
        present: dict[str, None] = {}
        removed: set[str] = set()
        flags: dict[str, frozenset[Flag]] = {}
        self._headers = {}
        delta_link = ""
        for page in self._pages(start, params, headers):
            for item in page.get("value", []):
                key = str(item.get("id"))
                if "@removed" in item:
                    present.pop(key, None)
                    removed.add(key)
                    continue
                present[key] = None
                removed.discard(key)
                flags[key] = _flags(item)
                self._headers[key] = item
            delta_link = str(page.get("@odata.deltaLink") or delta_link)
        state = SyncState(json.dumps({"delta": delta_link}))
        # Graph does not order a delta: oldest first by received time, as the store expects.
        keys = sorted(present, key=lambda k: str(self._headers[k].get("receivedDateTime") or ""))
        if partial:
            return FolderSnapshot(state=state, keys=tuple(keys), partial=True, removed=tuple(sorted(removed)),
                                  flags=flags)
        return FolderSnapshot(state=state, keys=tuple(keys), flags={})

    def headers_for(self, folder: Folder, keys: Sequence[str]) -> list[RemoteHeader]:
        rows = []
        for key in keys:
            item = self._headers.get(key)
            if item is None or "receivedDateTime" not in item:
                try:
                    item = self._get_json(f"/me/messages/{quote(key, safe='')}",
                                          {"$select": _SELECT, "$expand": _EXPAND})
                except NotFound:
                    continue
            rows.append(_header(folder.id, item))
        return rows

    def _body(self, key: str, token: str) -> tuple[str, bytes] | None:
        try:
            response = self._request("GET", f"/me/messages/{quote(key, safe='')}/$value", token=token)
        except NotFound:
            return None
        return key, response.content

    def header_batches(self, folder: Folder, keys: Sequence[str], size: int) -> Iterator[list[RemoteHeader]]:
        return header_batches_of(self, folder, keys, size)

    def body_batches(
        self, folder: Folder, keys: Sequence[str], max_count: int, max_bytes: int
    ) -> Iterator[list[tuple[str, bytes]]]:
        return group_bodies(self.bodies_for(folder, keys), max_count, max_bytes)

    def bodies_for(self, folder: Folder, keys: Sequence[str]) -> Iterator[tuple[str, bytes]]:
        if not keys:
            return
        # A few requests in flight at once: MIME downloads are many small round trips.
        # MSAL is not thread-safe, so the workers share one token taken here.
        token = self._token or self.auth.token()
        self._token = token
        done: set[str] = set()
        try:
            with ThreadPoolExecutor(max_workers=BODY_WORKERS) as pool:
                for found in pool.map(lambda key: self._body(key, token), keys):
                    if found is not None:
                        done.add(found[0])
                        yield found
        except AuthExpired:
            # The shared token expired mid-way (workers never refresh: a 401 there ends up
            # here). Refresh on the lane's own thread and fetch the rest one by one.
            self._token = self.auth.token(force=True)
            for key in keys:
                if key not in done:
                    found = self._body(key, self._token)
                    if found is not None:
                        yield found

    def set_flag(self, ref: MessageRef, flag: Flag, on: bool = True) -> None:
        if flag is Flag.SEEN:
            body: dict[str, Any] = {"isRead": on}
        elif flag is Flag.FLAGGED:
            body = {"flag": {"flagStatus": "flagged" if on else "notFlagged"}}
        else:
            return  # Graph has no "answered" state to set; the reply in Sent Items says it
        self._request("PATCH", f"/me/messages/{quote(ref.key, safe='')}", json_body=body)

    # -- MailSource --------------------------------------------------------------------------------
    def headers(self, folder: Folder, since: SyncState | None = None) -> Iterator[Header]:
        """A plain listing (newest first) with `$top` pages; the sync uses the delta instead."""
        params = {"$select": _SELECT, "$expand": _EXPAND, "$top": str(PAGE), "$orderby": "receivedDateTime desc"}
        for page in self._pages(f"/me/mailFolders/{quote(folder.id, safe='')}/messages", params):
            for item in page.get("value", []):
                yield _header(folder.id, item).header

    def fetch(self, ref: MessageRef) -> bytes:
        found = self._body(ref.key, self._token or self.auth.token())
        if found is None:
            raise NotFound(f"{ref.folder_id}/{ref.key}")
        return found[1]

    def mark_read(self, ref: MessageRef, read: bool = True) -> None:
        self.set_flag(ref, Flag.SEEN, read)

    # -- MailSender --------------------------------------------------------------------------------
    def send(self, message: OutgoingMessage) -> None:
        # The MIME as the composer built it: headers (In-Reply-To, References, our Message-ID) kept.
        self._request("POST", "/me/sendMail", data=base64.b64encode(message.raw),
                      headers={"Content-Type": "text/plain"}, sending=True)

    def find_sent(self, message_id: str) -> bool | None:
        wanted = message_id.strip()
        if not wanted.startswith("<"):
            wanted = f"<{wanted}>"
        literal = wanted.replace("'", "''")
        try:
            found = self._get_json("/me/mailFolders/sentitems/messages",
                                   {"$filter": f"internetMessageId eq '{literal}'", "$select": "id", "$top": "5"})
        except (NetworkDown, AuthExpired):
            return None
        return bool(found.get("value"))

    def close(self) -> None:
        self.session.close()
