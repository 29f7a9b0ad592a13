"""A Gmail / Google Workspace mailbox through the Gmail API (google-api-python-client).

Owns the Gmail conversation behind our seams: a `SyncSource` and `MailSource`
(labels as folders; message ids listed per label; headers from
`format=metadata` and bodies from `format=raw` in batch requests; incremental
sync from a `historyId`, and a full resync when Gmail says the history has
expired with a 404), the UNREAD and STARRED labels both ways, and a
`MailSender` (raw RFC 822 with the original's `threadId`; `find_sent` asks
Gmail's search for `rfc822msgid:`).

Transport: googleapiclient builds every request from its shipped discovery
document (no network for discovery; `api_endpoint` from settings), and a small
adapter executes it through google-auth's `AuthorizedSession` (requests) instead
of httplib2. Why: httplib2 sends a request again when the connection drops
before the reply (its "stale connection" rule), which for `messages.send` means
the customer gets the reply twice; urllib3 under requests never replays. The
`AuthorizedSession` refreshes an expired access token before a call and after a
401 (once), and a revoked refresh token (`invalid_grant`) becomes `AuthExpired`.
429 and 5xx wait (`Retry-After` honoured, capped: `app.sources.rest.Backoff`).
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from typing import Any

import httplib2
import requests
from google.auth.exceptions import RefreshError, TransportError
from google.auth.transport.requests import AuthorizedSession, Request
from googleapiclient.discovery import build
from googleapiclient.errors import HttpError
from googleapiclient.http import BatchHttpRequest

from app.mail.headers import read_summary
from app.model import (
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
from app.sources.errors import AuthExpired, NetworkDown, NotFound, SendOutcomeUnknown, SourceError
from app.sources.google_token import credentials, token_json
from app.sources.oauth import GoogleClient
from app.sources.rest import DEFAULT_TIMEOUT, RETRY_STATUSES, Backoff, http_session, status_error, transport_error

LIST_PAGE = 500
BATCH = 50  # Gmail's advice for batch requests (100 is the hard limit)
_SYSTEM_LABELS = {
    "INBOX": FolderRole.INBOX, "SENT": FolderRole.SENT, "DRAFT": FolderRole.DRAFTS,
    "TRASH": FolderRole.TRASH, "SPAM": FolderRole.JUNK,
}
_HEADER_NAMES = ["Subject", "From", "Date", "Message-ID"]


def _flags(labels: Sequence[str]) -> frozenset[Flag]:
    found = set()
    if "UNREAD" not in labels:
        found.add(Flag.SEEN)
    if "STARRED" in labels:
        found.add(Flag.FLAGGED)
    return frozenset(found)


def _b64decode(data: str) -> bytes:
    return base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))


class _RequestsHttp:
    """The httplib2 interface googleapiclient calls, carried out by an `AuthorizedSession`."""

    def __init__(self, session: requests.Session, timeout: float) -> None:
        self.session = session
        self.timeout = timeout

    def request(self, uri: str, method: str = "GET", body: Any = None, headers: dict[str, str] | None = None,
                redirections: int = 5, connection_type: Any = None) -> tuple[Any, bytes]:
        response = self.session.request(method, uri, data=body, headers=headers, timeout=self.timeout)
        info: dict[str, str] = {k.lower(): v for k, v in response.headers.items()}
        info["status"] = str(response.status_code)
        info["reason"] = response.reason or ""
        return httplib2.Response(info), response.content

    def close(self) -> None:
        self.session.close()


class GmailSource:
    """One Gmail account. Use from one thread at a time (the account's lane)."""

    def __init__(
        self,
        client: GoogleClient,
        token: str,
        on_token: Callable[[str], None] | None = None,
        backoff: Backoff | None = None,
        timeout: float = DEFAULT_TIMEOUT,
    ) -> None:
        self.client = client
        self.backoff = backoff or Backoff()
        self._on_token = on_token
        self._creds: Any = credentials(client, token)
        self._saved_token = token_json(self._creds)
        refresh = http_session(client.ca_file)
        session = AuthorizedSession(self._creds, auth_request=Request(refresh))  # type: ignore[no-untyped-call]
        if client.ca_file:
            session.verify = client.ca_file
            session.trust_env = False
        self._http = _RequestsHttp(session, timeout)
        endpoint = client.api_endpoint if client.api_endpoint.endswith("/") else client.api_endpoint + "/"
        self._batch_uri = endpoint + "batch/gmail/v1"  # build() would take it from the document's rootUrl
        self.service: Any = build(
            "gmail", "v1", http=self._http, static_discovery=True, cache_discovery=False,
            client_options={"api_endpoint": endpoint},
        )
        self._folders: list[Folder] | None = None
        self._messages_resource: Any = None

    # -- calls ------------------------------------------------------------------------
    def token_json(self) -> str:
        return token_json(self._creds)

    def _token_check(self) -> None:
        """A refreshed access token goes to the keyring, so the next start needs no refresh."""
        current = self.token_json()
        if current != self._saved_token:
            self._saved_token = current
            if self._on_token is not None:
                self._on_token(current)

    def _guard(self, run: Callable[[], Any], sending: bool = False) -> Any:
        """Run one call (or batch): back off on 429/5xx, name every failure with our errors."""
        backoff = self.backoff.fresh()
        attempt = 1
        while True:
            try:
                result = run()
            except HttpError as error:
                status = int(error.resp.status)
                if status in RETRY_STATUSES:
                    if sending and status not in (429, 503):
                        # A 500 on send may come after Gmail took the message: let the outbox look first.
                        raise SendOutcomeUnknown(f"{status} {error.reason}") from error
                    if backoff.wait(attempt, error.resp.get("retry-after")):
                        attempt += 1
                        continue
                raise status_error(status, str(error.reason)) from error
            except RefreshError as error:
                # invalid_grant: the refresh token was revoked or expired; only a new sign-in helps.
                raise AuthExpired(str(error)) from error
            except TransportError as error:
                raise NetworkDown(str(error)) from error
            except (requests.RequestException, OSError) as error:
                raise transport_error(error, sending) from error
            self._token_check()
            return result

    def _call(self, request: Any, sending: bool = False) -> Any:
        return self._guard(request.execute, sending)

    def _batch(self, requests_by_key: dict[str, Callable[[], Any]]) -> dict[str, Any]:
        """Many gets in batch requests of `BATCH`; parts throttled are retried, parts gone are left out."""
        results: dict[str, Any] = {}
        keys = list(requests_by_key)
        for start in range(0, len(keys), BATCH):
            pending = keys[start : start + BATCH]
            backoff = self.backoff.fresh()
            attempt = 1
            while pending:
                failed: dict[str, HttpError] = {}

                def collect(request_id: str, response: Any, error: Any, failed: dict[str, HttpError] = failed) -> None:
                    if error is not None:
                        failed[request_id] = error
                    else:
                        results[request_id] = response

                batch = BatchHttpRequest(callback=collect, batch_uri=self._batch_uri)
                for key in pending:
                    batch.add(requests_by_key[key](), request_id=key)
                self._guard(partial(batch.execute, http=self._http))
                retry = [k for k, e in failed.items() if int(e.resp.status) in RETRY_STATUSES]
                for error in failed.values():
                    status = int(error.resp.status)
                    if status not in RETRY_STATUSES and status != 404:
                        raise status_error(status, str(error.reason))
                if retry:
                    asked = max((failed[k].resp.get("retry-after") or "" for k in retry), default="")
                    if not backoff.wait(attempt, asked or None):
                        raise NetworkDown(f"Gmail kept refusing {len(retry)} requests (429/5xx)")
                    attempt += 1
                pending = retry
        return results

    @property
    def _messages(self) -> Any:
        # googleapiclient builds a resource's methods (and their docstrings) on every
        # `users().messages()`: 3 ms each, more than the HTTP round trip; build it once.
        if self._messages_resource is None:
            self._messages_resource = self.service.users().messages()
        return self._messages_resource

    def profile_email(self) -> str:
        return str(self._call(self.service.users().getProfile(userId="me")).get("emailAddress", ""))

    # -- folders ------------------------------------------------------------------------
    def folders(self) -> list[Folder]:
        labels = self._call(self.service.users().labels().list(userId="me")).get("labels", [])
        found: list[Folder] = []
        for label in labels:
            label_id, name = str(label.get("id", "")), str(label.get("name", ""))
            if label_id in _SYSTEM_LABELS:
                found.append(Folder(label_id, name, _SYSTEM_LABELS[label_id]))
            elif label.get("type") == "user":
                found.append(Folder(label_id, name, FolderRole.OTHER))
        found.sort(key=lambda f: (f.role is not FolderRole.INBOX, f.role is FolderRole.OTHER, f.name))
        self._folders = found
        return list(found)

    # -- sync --------------------------------------------------------------------------------
    def _list_ids(self, folder: Folder, query: str = "") -> list[str]:
        ids: list[str] = []
        page: str | None = None
        while True:
            args: dict[str, Any] = {"userId": "me", "maxResults": LIST_PAGE,
                                    "includeSpamTrash": folder.role in (FolderRole.TRASH, FolderRole.JUNK)}
            if folder.id:
                args["labelIds"] = [folder.id]
            if query:
                args["q"] = query
            if page:
                args["pageToken"] = page
            response = self._call(self._messages.list(**args))
            ids.extend(str(m["id"]) for m in response.get("messages", []))
            page = response.get("nextPageToken")
            if not page:
                return ids

    def snapshot(self, folder: Folder, since: SyncState | None) -> FolderSnapshot:
        saved: dict[str, Any] = json.loads(since.token) if since is not None else {}
        if saved.get("h"):
            try:
                return self._changes(folder, str(saved["h"]))
            except NotFound:
                pass  # the history has expired: reload the folder
        # The history id is read before listing, so a change made while listing comes next time.
        history_id = str(self._call(self.service.users().getProfile(userId="me")).get("historyId", ""))
        keys = self._list_ids(folder)
        keys.reverse()  # Gmail lists newest first; the store wants oldest first
        return FolderSnapshot(state=SyncState(json.dumps({"h": history_id})), keys=tuple(keys), reset=bool(saved))

    def _changes(self, folder: Folder, start: str) -> FolderSnapshot:
        """What happened in this label since `start`, from `users.history.list`."""
        added: dict[str, None] = {}
        removed: set[str] = set()
        flags: dict[str, frozenset[Flag]] = {}
        latest = start
        page: str | None = None
        while True:
            args: dict[str, Any] = {"userId": "me", "startHistoryId": start, "maxResults": LIST_PAGE}
            if page:
                args["pageToken"] = page
            response = self._call(self.service.users().history().list(**args))
            for entry in response.get("history", []):
                for change in entry.get("messagesAdded", []):
                    message = change.get("message", {})
                    key, labels = str(message.get("id")), message.get("labelIds", [])
                    if folder.id in labels:
                        added[key] = None
                        removed.discard(key)
                        flags[key] = _flags(labels)
                for change in entry.get("messagesDeleted", []):
                    key = str(change.get("message", {}).get("id"))
                    added.pop(key, None)
                    removed.add(key)
                for kind in ("labelsAdded", "labelsRemoved"):
                    for change in entry.get(kind, []):
                        message = change.get("message", {})
                        key, labels = str(message.get("id")), message.get("labelIds", [])
                        if folder.id in change.get("labelIds", []):
                            if kind == "labelsAdded":
                                added[key] = None
                                removed.discard(key)
                            else:
                                added.pop(key, None)
                                removed.add(key)
                        flags[key] = _flags(labels)
            latest = str(response.get("historyId", latest))
            page = response.get("nextPageToken")
            if not page:
                break
        return FolderSnapshot(
            state=SyncState(json.dumps({"h": latest})), keys=tuple(added), partial=True,
            removed=tuple(sorted(removed)), flags=flags,
        )

    def headers_for(self, folder: Folder, keys: Sequence[str]) -> list[RemoteHeader]:
        if not keys:
            return []
        found = self._batch({
            key: partial(self._messages.get, userId="me", id=key, format="metadata", metadataHeaders=_HEADER_NAMES)
            for key in keys
        })
        rows = []
        for key in keys:
            message = found.get(key)
            if message is None:
                continue  # gone since the listing; the next snapshot drops it
            head = b"".join(
                f"{h.get('name', '')}: {h.get('value', '')}\r\n".encode()
                for h in message.get("payload", {}).get("headers", [])
            )
            summary = read_summary(head + b"\r\n")
            labels = message.get("labelIds", [])
            flags = _flags(labels)
            rows.append(RemoteHeader(
                Header(ref=MessageRef(folder.id, key), subject=summary.subject, sender=summary.sender,
                       date=summary.date, seen=Flag.SEEN in flags, size=int(message.get("sizeEstimate", 0))),
                message_id=summary.message_id, flags=flags,
            ))
        return rows

    def header_batches(self, folder: Folder, keys: Sequence[str], size: int) -> Iterator[list[RemoteHeader]]:
        return header_batches_of(self, folder, keys, size)

    def body_batches(
        self, folder: Folder, keys: Sequence[str], max_count: int, max_bytes: int
    ) -> Iterator[list[tuple[str, bytes]]]:
        return group_bodies(self.bodies_for(folder, keys), max_count, max_bytes)

    def bodies_for(self, folder: Folder, keys: Sequence[str]) -> Iterator[tuple[str, bytes]]:
        for start in range(0, len(keys), BATCH):
            chunk = keys[start : start + BATCH]
            found = self._batch({key: partial(self._messages.get, userId="me", id=key, format="raw") for key in chunk})
            for key in chunk:
                message = found.get(key)
                if message is not None and "raw" in message:
                    yield key, _b64decode(str(message["raw"]))

    def set_flag(self, ref: MessageRef, flag: Flag, on: bool = True) -> None:
        label = {Flag.SEEN: "UNREAD", Flag.FLAGGED: "STARRED"}.get(flag)
        if label is None:
            return  # Gmail has no "answered" label; the reply in the thread says it
        # UNREAD is the opposite of seen.
        add = (not on) if flag is Flag.SEEN else on
        body = {"addLabelIds": [label]} if add else {"removeLabelIds": [label]}
        self._call(self._messages.modify(userId="me", id=ref.key, body=body))

    # -- MailSource ---------------------------------------------------------------------------
    def headers(self, folder: Folder, since: SyncState | None = None) -> Iterator[Header]:
        keys = self.snapshot(folder, None).keys
        for start in range(0, len(keys), LIST_PAGE):
            for row in self.headers_for(folder, keys[start : start + LIST_PAGE]):
                yield row.header

    def fetch(self, ref: MessageRef) -> bytes:
        for key, raw in self.bodies_for(Folder(ref.folder_id, ref.folder_id), [ref.key]):
            if key == ref.key:
                return raw
        raise NotFound(f"{ref.folder_id}/{ref.key}")

    def mark_read(self, ref: MessageRef, read: bool = True) -> None:
        self.set_flag(ref, Flag.SEEN, read)

    # -- MailSender ------------------------------------------------------------------------------
    def _thread_of(self, ref: MessageRef | None) -> str:
        if ref is None:
            return ""
        try:
            message = self._call(self._messages.get(userId="me", id=ref.key, format="minimal"))
        except SourceError:
            return ""  # no thread: Gmail still threads by subject and References
        return str(message.get("threadId", ""))

    def send(self, message: OutgoingMessage) -> None:
        body: dict[str, str] = {"raw": base64.urlsafe_b64encode(message.raw).decode("ascii")}
        thread = message.thread_hint or self._thread_of(message.replying_to)
        if thread:
            body["threadId"] = thread
        self._call(self._messages.send(userId="me", body=body), sending=True)

    def find_sent(self, message_id: str) -> bool | None:
        wanted = message_id.strip().strip("<>")
        try:
            return bool(self._list_ids(Folder("", "all"), query=f"rfc822msgid:{wanted}"))
        except (NetworkDown, AuthExpired):
            return None

    def close(self) -> None:
        self._http.close()
