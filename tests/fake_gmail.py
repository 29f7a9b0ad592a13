"""A local Gmail: the part of the Gmail API v1 and Google's OAuth endpoints Aizuchi uses.

Stateful: messages with labels and threads, a history log with ids (`history.list`
answers 404 for a start id older than `history_floor`, as Gmail does once history
has expired), batch requests (`/batch/gmail/v1`, multipart/mixed as
googleapiclient writes them), `rfc822msgid:` search, and sends recorded in
`sent`. Routes follow the discovery document the library ships
(`gmail/v1/users/{userId}/...`). Faults and tokens: `tests.fake_api`.
"""

from __future__ import annotations

import base64
import email
import email.policy
import itertools
from dataclasses import dataclass, field
from email.parser import BytesParser
from typing import Any

from tests.fake_api import FakeApiServer, Request, Response, error_response, json_response
from tests.servers import Certs

ADDRESS = "shop@example.jp"
LABELS = [
    {"id": "INBOX", "name": "INBOX", "type": "system"},
    {"id": "SENT", "name": "SENT", "type": "system"},
    {"id": "DRAFT", "name": "DRAFT", "type": "system"},
    {"id": "TRASH", "name": "TRASH", "type": "system"},
    {"id": "SPAM", "name": "SPAM", "type": "system"},
    {"id": "UNREAD", "name": "UNREAD", "type": "system"},
    {"id": "STARRED", "name": "STARRED", "type": "system"},
    {"id": "CATEGORY_PERSONAL", "name": "CATEGORY_PERSONAL", "type": "system"},
    {"id": "Label_1", "name": "お得意様", "type": "user"},
]


@dataclass
class StoredMessage:
    id: str
    thread_id: str
    raw: bytes
    labels: set[str]
    message_id: str = ""


@dataclass
class GmailState:
    messages: dict[str, StoredMessage] = field(default_factory=dict)  # insertion order = arrival
    history: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    history_id: int = 1000
    history_floor: int = 0
    sent: list[dict[str, Any]] = field(default_factory=list)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii")


def _message_id_of(raw: bytes) -> str:
    head = raw.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    for line in head.replace(b"\r\n", b"\n").split(b"\n"):
        if line.lower().startswith(b"message-id:"):
            return line.split(b":", 1)[1].strip().decode("ascii", "replace")
    return ""


class FakeGmail(FakeApiServer):
    def __init__(self, certs: Certs) -> None:
        super().__init__(certs)
        self.state = GmailState()
        self._ids = itertools.count(0x18C0000000000000)

    # -- test helpers -----------------------------------------------------------------
    @property
    def api_endpoint(self) -> str:
        return self.base + "/"

    def _next_history(self, entry: dict[str, Any]) -> None:
        self.state.history_id += 1
        self.state.history.append((self.state.history_id, entry))

    def add(self, raw: bytes, labels: tuple[str, ...] = ("INBOX", "UNREAD"), thread_id: str = "") -> str:
        with self.lock:
            key = f"{next(self._ids):016x}"
            message = StoredMessage(key, thread_id or key, raw, set(labels), _message_id_of(raw))
            self.state.messages[key] = message
            self._next_history({"messagesAdded": [{"message": self._summary(message)}]})
            return key

    def add_many(self, raws: list[bytes], labels: tuple[str, ...] = ("INBOX", "UNREAD")) -> None:
        """Bulk load without history entries (as if there before the account was added)."""
        with self.lock:
            for raw in raws:
                key = f"{next(self._ids):016x}"
                self.state.messages[key] = StoredMessage(key, key, raw, set(labels), _message_id_of(raw))
            self.state.history_id += 1

    def relabel(self, key: str, add: tuple[str, ...] = (), remove: tuple[str, ...] = ()) -> None:
        with self.lock:
            self._modify(self.state.messages[key], list(add), list(remove))

    def delete(self, key: str) -> None:
        with self.lock:
            message = self.state.messages.pop(key)
            self._next_history({"messagesDeleted": [{"message": self._summary(message)}]})

    def expire_history(self) -> None:
        """Gmail keeps history for about a week: every id handed out so far is now too old."""
        with self.lock:
            self.state.history_floor = self.state.history_id + 1
            self.state.history_id += 1

    def labels_of(self, key: str) -> set[str]:
        with self.lock:
            return set(self.state.messages[key].labels)

    # -- API ----------------------------------------------------------------------------
    def _summary(self, message: StoredMessage) -> dict[str, Any]:
        return {"id": message.id, "threadId": message.thread_id, "labelIds": sorted(message.labels)}

    def _modify(self, message: StoredMessage, add: list[str], remove: list[str]) -> None:
        added = [label for label in add if label not in message.labels]
        removed = [label for label in remove if label in message.labels]
        message.labels |= set(added)
        message.labels -= set(removed)
        entry: dict[str, Any] = {}
        if added:
            entry["labelsAdded"] = [{"message": self._summary(message), "labelIds": added}]
        if removed:
            entry["labelsRemoved"] = [{"message": self._summary(message), "labelIds": removed}]
        if entry:
            self._next_history(entry)

    def handle(self, request: Request) -> Response:
        route = request.route
        if route == "/o/oauth2/auth":
            return self.authorize(request)
        if route == "/token" and request.method == "POST":
            return self.issue_tokens(request)[0]
        if not self.authorized(request):
            return error_response(401, "Request had invalid authentication credentials.", "UNAUTHENTICATED")
        if route == "/batch/gmail/v1" and request.method == "POST":
            return self._batch(request)
        return self._api(request.method, route, request.query, request.query_lists, request.body)

    def _api(self, method: str, route: str, query: dict[str, str], lists: dict[str, list[str]],
             body: bytes) -> Response:
        prefix = "/gmail/v1/users/me/"
        if not route.startswith(prefix):
            return error_response(404, f"no route {route}")
        rest = route[len(prefix):]
        with self.lock:
            if rest == "profile":
                return json_response({"emailAddress": ADDRESS, "messagesTotal": len(self.state.messages),
                                      "historyId": str(self.state.history_id)})
            if rest == "labels":
                return json_response({"labels": LABELS})
            if rest == "history":
                return self._history(query)
            if rest == "messages" and method == "GET":
                return self._list(query, lists)
            if rest == "messages/send" and method == "POST":
                return self._send(body)
            parts = rest.split("/")
            if len(parts) >= 2 and parts[0] == "messages":
                message = self.state.messages.get(parts[1])
                if message is None:
                    return error_response(404, "Requested entity was not found.", "NOT_FOUND")
                if len(parts) == 3 and parts[2] == "modify" and method == "POST":
                    change = email_json(body)
                    self._modify(message, change.get("addLabelIds", []), change.get("removeLabelIds", []))
                    return json_response(self._summary(message))
                if len(parts) == 2 and method == "GET":
                    return json_response(self._get(message, query.get("format", "full"),
                                                   lists.get("metadataHeaders", [])))
        return error_response(404, f"no route {route}")

    def _history(self, query: dict[str, str]) -> Response:
        start = int(query.get("startHistoryId", "0"))
        if start < self.state.history_floor:
            return error_response(404, "Requested entity was not found.", "NOT_FOUND")
        entries = [dict(entry, id=str(number)) for number, entry in self.state.history if number > start]
        offset = int(query.get("pageToken") or 0)
        size = int(query.get("maxResults") or 100)
        page = entries[offset : offset + size]
        answer: dict[str, Any] = {"historyId": str(self.state.history_id)}
        if page:
            answer["history"] = page
        if offset + size < len(entries):
            answer["nextPageToken"] = str(offset + size)
        return json_response(answer)

    def _list(self, query: dict[str, str], lists: dict[str, list[str]]) -> Response:
        labels = set(lists.get("labelIds", []))
        include_hidden = query.get("includeSpamTrash") == "true" or bool(labels & {"SPAM", "TRASH"})
        wanted = query.get("q", "")
        found = []
        for message in reversed(list(self.state.messages.values())):  # newest first, as Gmail lists
            if labels and not labels <= message.labels:
                continue
            if not include_hidden and message.labels & {"SPAM", "TRASH"}:
                continue
            if wanted.startswith("rfc822msgid:") and message.message_id.strip("<>") != wanted.split(":", 1)[1]:
                continue
            found.append({"id": message.id, "threadId": message.thread_id})
        offset = int(query.get("pageToken") or 0)
        size = min(int(query.get("maxResults") or 100), 500)
        answer: dict[str, Any] = {"resultSizeEstimate": len(found)}
        if found[offset : offset + size]:
            answer["messages"] = found[offset : offset + size]
        if offset + size < len(found):
            answer["nextPageToken"] = str(offset + size)
        return json_response(answer)

    def _get(self, message: StoredMessage, form: str, wanted: list[str]) -> dict[str, Any]:
        answer: dict[str, Any] = {**self._summary(message), "sizeEstimate": len(message.raw),
                                  "historyId": str(self.state.history_id)}
        if form == "raw":
            answer["raw"] = _b64(message.raw)
        elif form == "metadata":
            head = BytesParser(policy=email.policy.compat32).parsebytes(message.raw, headersonly=True)
            lowered = {w.lower() for w in wanted}
            # As Gmail does: header values as they stand in the message (encoded words kept).
            answer["payload"] = {"headers": [
                {"name": name, "value": str(value)} for name, value in head.items()
                if not lowered or name.lower() in lowered
            ]}
        return answer

    def _send(self, body: bytes) -> Response:
        request = email_json(body)
        raw = base64.urlsafe_b64decode(request["raw"] + "=" * (-len(request["raw"]) % 4))
        self.state.sent.append({"raw": raw, "threadId": request.get("threadId", "")})
        key = f"{next(self._ids):016x}"
        message = StoredMessage(key, request.get("threadId") or key, raw, {"SENT"}, _message_id_of(raw))
        self.state.messages[key] = message
        self._next_history({"messagesAdded": [{"message": self._summary(message)}]})
        return json_response(self._summary(message))

    def _batch(self, request: Request) -> Response:
        """multipart/mixed of `application/http` parts in, the same shape out."""
        content_type = request.headers.get("Content-Type") or request.headers.get("content-type") or ""
        parsed = email.message_from_bytes(
            b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + request.body, policy=email.policy.compat32
        )
        boundary = "batch_aizuchi_fake"
        out: list[bytes] = []
        for part in parsed.get_payload():
            content_id = str(part["Content-ID"]).strip()
            inner = part.get_payload()
            if isinstance(inner, list):
                inner = inner[0].as_string()
            line, _, rest = str(inner).partition("\n")
            method, target, _ = line.strip().split(" ", 2)
            separator = "\r\n\r\n" if "\r\n\r\n" in rest else "\n\n"
            inner_body = rest.partition(separator)[2]
            sub = Request(method, target, {}, inner_body.encode())
            with self.lock:
                self.log.append((method, target))
            fault = self.fault_for(sub)
            answer = fault or self._api(method, sub.route, sub.query, sub.query_lists, sub.body)
            reason = {200: "OK", 404: "Not Found", 429: "Too Many Requests", 500: "Internal Server Error"}.get(
                answer.status, "Error")
            extra = "".join(f"{k}: {v}\r\n" for k, v in answer.headers.items())
            out.append(
                f"--{boundary}\r\nContent-Type: application/http\r\n"
                f"Content-ID: <response-{content_id.strip('<>')}>\r\n\r\n"
                f"HTTP/1.1 {answer.status} {reason}\r\n{extra}\r\n".encode() + answer.body + b"\r\n"
            )
        out.append(f"--{boundary}--\r\n".encode())
        return Response(200, b"".join(out), {"Content-Type": f"multipart/mixed; boundary={boundary}"})


def email_json(body: bytes) -> dict[str, Any]:
    import json

    data = json.loads(body or b"{}")
    return data if isinstance(data, dict) else {}
