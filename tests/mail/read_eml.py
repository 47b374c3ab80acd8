"""Prints a received message as JSON: headers decoded, the text part decoded (quoted-printable,
UTF-8), each attachment's name, type and SHA-256. Used by the Rust e-mail tests to check what
arrived with Python's own e-mail parser (not the library that wrote it)."""
import hashlib
import json
import sys
from email import policy
from email.parser import BytesParser

msg = BytesParser(policy=policy.default).parsebytes(open(sys.argv[1], "rb").read())
text = msg.get_body(preferencelist=("plain",))
out = {
    "from": str(msg["From"]),
    "to": str(msg["To"]),
    "subject": str(msg["Subject"]),
    "text": text.get_content() if text else None,
    "text_transfer_encoding": text["Content-Transfer-Encoding"] if text else None,
    "attachments": [
        {
            "name": p.get_filename(),
            "type": p.get_content_type(),
            "sha256": hashlib.sha256(p.get_payload(decode=True)).hexdigest(),
        }
        for p in msg.iter_attachments()
    ],
}
print(json.dumps(out, ensure_ascii=False))
