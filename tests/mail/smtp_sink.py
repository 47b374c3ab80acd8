"""A real SMTP server for the e-mail tests, on aiosmtpd (Debian's python3-aiosmtpd).

    python3 tests/mail/smtp_sink.py PORT DIR [REFUSED_ADDRESS ...]

Listens on 127.0.0.1:PORT, writes each message it accepts to DIR/<n>.eml as received (the
bytes of DATA, headers included), and refuses with 550 every recipient listed after DIR, as a
real server refuses an unknown mailbox. Prints "ready" once it listens.
"""
import sys
import time
from pathlib import Path

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, out: Path, refused: set):
        self.out = out
        self.refused = refused
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.refused:
            return "550 5.1.1 Adresse inconnue"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        path = self.out / f"{self.count}.eml"
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(envelope.original_content or envelope.content)
        tmp.rename(path)
        return "250 Message accepted"


def main():
    port, out = int(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    refused = {a.lower() for a in sys.argv[3:]}
    c = Controller(Sink(out, refused), hostname="127.0.0.1", port=port)
    c.start()
    print("ready", flush=True)
    try:
        while True:
            time.sleep(3600)
    finally:
        c.stop()


if __name__ == "__main__":
    main()
