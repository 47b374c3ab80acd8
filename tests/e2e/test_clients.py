"""End-to-end test: the real Courtier window, driven through tauri-driver and WebKitWebDriver.

Each test starts from its own state: a new data directory (so a new agency file, its key kept in
the real Secret Service started by run.sh), opened through the first-launch screens, with the
demo portfolio when the test needs one, and whatever else it needs created by the test itself.
No test depends on another one or on their order; any one can be run alone:
    tests/e2e/run.sh ClientJourney.test_4_timeline_and_claim_page

The journeys: the recovery key is shown, the demo portfolio is loaded, a client is created through
the form, found with the search box (accent-insensitive prefix), and its record opened; a second
launch opens the same file silently from the keychain; a claim changes the coefficient and the
premium; the timeline and the claim page; a relevé then a new contract; the insurers' list;
the Sinistres section, open then closed claims, filtered and searched by reference.
The forms, at 1024×700 and at 1280×800 (`FormsAtSize`): a date typed without separators, an
impossible date refused with its message, a required field of the contract dialog left empty,
Escape on a filled dialog; a contract found by its number and a vehicle by its registration
through the search box; a relevé reopened from the client record and from its timeline. The
layout at both sizes is checked by `LayoutAtSize` (tests/e2e/test_layout.py, run from here).

Run through tests/e2e/run.sh, which builds the app, starts a session bus, an unlocked
gnome-keyring and tauri-driver under Xvfb.
"""

import os
import subprocess
import tempfile
import time
from datetime import date, timedelta
import unittest

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

# The app itself is $COURTIER_E2E_APP; tauri-driver starts it through launch-app.sh, which puts
# it on the data directory each session is given.
LAUNCHER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "launch-app.sh")
DRIVER_URL = os.environ.get("COURTIER_E2E_DRIVER", "http://127.0.0.1:4444")
ARTIFACTS = os.environ.get("COURTIER_E2E_ARTIFACTS", os.path.join(os.path.dirname(__file__), "artifacts"))
# Where the tests' data directories go (run.sh removes it afterwards).
WORK = os.environ.get("COURTIER_E2E_WORK") or tempfile.mkdtemp(prefix="courtier-e2e-")


def start(data_dir):
    """A new session: the app started on `data_dir`."""
    options = webdriver.common.options.ArgOptions()
    options.set_capability("browserName", "wry")
    options.set_capability(
        "tauri:options",
        {"application": LAUNCHER, "args": [f"--courtier-data-dir={data_dir}"]},
    )
    return webdriver.Remote(command_executor=DRIVER_URL, options=options)


# The drag source needs GTK's Python bindings: Debian's python3-gi, for the system Python (the
# selenium client may run under another one).
GTK_PYTHON = os.environ.get("COURTIER_E2E_GTK_PYTHON", "/usr/bin/python3")


def two_page_pdf(*texts):
    """A real PDF, one page per text (Helvetica), with its cross-reference table."""
    n = len(texts)
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            ("<< /Type /Pages /Kids [%s] /Count %d >>" % (" ".join(f"{4 + 2 * i} 0 R" for i in range(n)), n)).encode(),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    for i, text in enumerate(texts):
        objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>".encode())
        stream = f"BT /F1 36 Tf 60 700 Td ({text}) Tj ET".encode()
        objs.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, o in enumerate(objs):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offsets:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def tid(name):
    return (By.CSS_SELECTOR, f'[data-testid="{name}"]')


class ClientJourney(unittest.TestCase):
    driver = None
    data_dir = None

    # ---- each test's own state ------------------------------------------------------------------

    def launch(self, data_dir=None):
        """Starts the app on `data_dir`, or on a new, empty one (a first launch)."""
        self.quit()
        if data_dir is None:
            data_dir = tempfile.mkdtemp(prefix=f"{self._testMethodName}-", dir=WORK)
        self.data_dir = data_dir
        self.driver = start(data_dir)
        return self.driver

    def relaunch(self):
        """The app closed and started again on the same data directory."""
        return self.launch(self.data_dir)

    def quit(self):
        if self.driver is not None:
            self.driver.quit()
            self.driver = None

    def close_window(self):
        """Closes the window as the broker does (its close button, see xclose.py) and waits
        for the app to exit: unlike WebDriver's quit, the app then closes its agency file."""
        from xclose import ask_to_close, windows_of
        pid = self.app_pid()
        ask_to_close(windows_of(pid))
        self.assertTrue(self.gone(pid), "the window did not close")
        self.forget_session()

    def app_pid(self):
        """The app process of this test (the one on this test's data directory)."""
        for d in os.listdir("/proc"):
            if not d.isdigit():
                continue
            try:
                with open(f"/proc/{d}/environ", "rb") as f:
                    env = f.read().split(b"\0")
                with open(f"/proc/{d}/comm", "rb") as f:
                    comm = f.read().strip()
            except OSError:
                continue
            if comm.startswith(b"courtier-deskto") and f"COURTIER_DATA_DIR={self.data_dir}".encode() in env:
                return int(d)
        self.fail("the app's process was not found")

    def gone(self, pid, timeout=10):
        end = time.time() + timeout
        while time.time() < end:
            try:
                with open(f"/proc/{pid}/stat") as f:
                    if f.read().split()[2] == "Z":  # exited, not yet reaped
                        return True
            except OSError:
                return True
            time.sleep(0.2)
        return False

    def forget_session(self):
        try:
            self.driver.quit()
        except Exception:  # the window is gone with its session
            pass
        self.driver = None


    def acknowledge_recovery_key(self):
        """Past the first launch's recovery key screen; the key shown."""
        key = self.visible("recovery-key", timeout=40).text.strip()
        self.clickable("recovery-ack").click()
        self.clickable("recovery-continue").click()
        return key

    def new_agency(self, demo=True):
        """A first launch on a new data directory, through to the client list: with the demo
        portfolio loaded, or started empty."""
        self.launch()
        self.acknowledge_recovery_key()
        if demo:
            self.clickable("demo-load").click()
            self.wait(120).until(EC.visibility_of_all_elements_located(tid("client-row")))
        else:
            self.clickable("start-empty").click()
        self.visible("search-input", timeout=40)
        return self.driver

    def invoke(self, command, args):
        """Calls a command of the app as the front end does; its result, or {'error': …}."""
        return self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "window.__TAURI__.core.invoke(arguments[0], arguments[1])"
            "  .then(done, (e) => done({ error: e }));",
            command,
            args,
        )

    def demo_contract(self):
        """A demo contract in force where a claim changes the coefficient (not one protected at
        0.50, where the first claim is forgiven, nor one outside the clause)."""
        k = self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "(async () => {"
            "  for (let id = 1; id < 200; id++) {"
            "    const k = await window.__TAURI__.core.invoke('contract_get', { id });"
            "    if (k.clauseApplies && !k.protectionActive && k.projection && k.nextPremium) return k;"
            "  }"
            "  return { error: 'no suitable demo contract' };"
            "})().then(done, (e) => done({ error: e }));"
        )
        self.assertNotIn("error", k, k)
        return k

    def wait(self, timeout=20):
        # The list re-renders as the broker types: a row found a moment ago may be gone.
        return WebDriverWait(
            self.driver, timeout, ignored_exceptions=(StaleElementReferenceException,)
        )

    def row_texts(self):
        return self.driver.execute_script(
            "return [...document.querySelectorAll('[data-testid=\"client-row\"]')]"
            ".map(r => r.innerText)"
        )

    def visible(self, name, timeout=20):
        return self.wait(timeout).until(EC.visibility_of_element_located(tid(name)))

    def clickable(self, name, timeout=20):
        return self.wait(timeout).until(EC.element_to_be_clickable(tid(name)))

    def shot(self, name):
        os.makedirs(ARTIFACTS, exist_ok=True)
        self.driver.save_screenshot(os.path.join(ARTIFACTS, name))

    def tearDown(self):
        if self.driver is not None:
            # The last state of the window, whatever happened (a failure is then easy to see).
            self.shot(f"end-{self._testMethodName}.png")
            logs = self.driver.execute_script("return window.__courtierErrors || []")
            if logs:
                print("errors in the page:", logs)
        self.quit()

    def search(self, text):
        box = self.visible("search-input")
        box.clear()
        box.send_keys(text)
        # The list re-renders after a short debounce: wait until a row shows the expected name.
        return box

    def test_1_first_launch_create_find_open(self):
        d = self.launch()
        # A new agency file: the recovery key is shown once.
        key = self.visible("recovery-key", timeout=40)
        self.assertRegex(key.text.strip(), r"^[0-9A-Z]{4,5}(-[0-9A-Z]{4,5}){5,}$")
        self.shot("recovery-key.png")
        self.clickable("recovery-ack").click()
        self.clickable("recovery-continue").click()

        # Offer of a demo portfolio: take it.
        self.clickable("demo-load").click()
        rows = self.wait(120).until(
            EC.visibility_of_all_elements_located(tid("client-row"))
        )
        self.assertGreater(len(rows), 10)
        time.sleep(0.5)
        self.shot("client-list-demo.png")

        # Create a client through the form.
        self.clickable("new-client").click()
        self.visible("field-lastName").send_keys("Lefèbvre-Sainté")
        self.visible("field-firstName").send_keys("Hélène")
        # WebKitGTK's native date control takes keystrokes per segment in the locale's order;
        # set the value as the control itself would, then let the form read it.
        self.driver.execute_script(
            "const el = arguments[0]; el.value = '1984-03-12';"
            "el.dispatchEvent(new Event('input', { bubbles: true }));"
            "el.dispatchEvent(new Event('change', { bubbles: true }));",
            self.visible("field-birthDate"),
        )
        self.clickable("submit-client").click()
        name = self.visible("record-name")
        self.wait().until(lambda _: "Hélène" in name.text)
        self.shot("client-record-created.png")

        # Back to the list: find her with an accent-free prefix.
        self.clickable("nav-clients").click()
        self.search("helene lefeb")
        self.wait().until(lambda _: any("Lefèbvre-Sainté" in t for t in self.row_texts()))
        time.sleep(0.5)
        texts = self.row_texts()
        matching = [i for i, t in enumerate(texts) if "Lefèbvre-Sainté" in t]
        self.assertEqual(len(matching), 1, texts)
        self.shot("search-result.png")
        row = d.find_elements(*tid("client-row"))[matching[0]]
        row.find_element(By.CSS_SELECTOR, "td").click()
        name = self.visible("record-name")
        self.wait().until(lambda _: "Hélène Lefèbvre-Sainté" in name.text)

    def test_2_second_launch_opens_from_keychain(self):
        # Its own agency: created at a first launch, with a client of its own.
        self.new_agency()
        created = self.invoke(
            "client_create",
            {"input": {"kind": "person", "lastName": "Lefèbvre-Sainté", "firstName": "Hélène",
                       "status": "client"}},
        )
        self.assertNotIn("error", created, created)
        self.relaunch()
        # No recovery key screen this time: straight to the list, key from the keychain.
        box = self.visible("search-input", timeout=40)
        self.assertEqual(self.driver.find_elements(*tid("recovery-key")), [])
        box.send_keys("lefebvre")
        self.wait().until(
            lambda _: any("Hélène Lefèbvre-Sainté" in t for t in self.row_texts())
        )
        time.sleep(0.3)
        box.send_keys(Keys.CONTROL, "a")
        box.send_keys(Keys.BACKSPACE)
        try:
            self.wait(10).until(lambda _: len(self.row_texts()) > 10)
        except TimeoutException:
            pass
        time.sleep(0.5)
        self.shot("client-list.png")

    def test_3_a_responsible_claim_changes_coefficient_and_premium_at_once(self):
        d = self.new_agency()
        # A demo contract; its projection tells which dates count at the next échéance.
        k = self.demo_contract()
        nxt = date.fromisoformat(k["projection"]["nextEcheance"])
        # The reference period closing at the next échéance ends two months before it.
        end_month = nxt.month - 2 if nxt.month > 2 else nxt.month + 10
        end_year = nxt.year if nxt.month > 2 else nxt.year - 1
        period_end = date(end_year, end_month, min(nxt.day, 28))
        when = min(date.today(), period_end - timedelta(days=1))
        when = max(when, date.fromisoformat(k["subscriptionDate"]) + timedelta(days=1))

        d.execute_script("window.location.hash = '#/contracts/' + arguments[0]", k["id"])
        self.visible("contract-coefficient")
        premium_before = self.visible("contract-next-premium").text
        projection_before = self.visible("projection-next").text
        self.shot("contract-before.png")

        self.clickable("declare-claim").click()
        d.execute_script(
            "const el = arguments[0]; el.value = arguments[1];"
            "el.dispatchEvent(new Event('input', { bubbles: true }));",
            self.visible("claim-date"),
            when.isoformat(),
        )
        Select(self.visible("claim-kind")).select_by_value("accident")
        Select(self.visible("claim-responsibility")).select_by_value("full")
        self.visible("claim-description").send_keys("Accrochage en marche arrière")
        self.clickable("submit-claim").click()

        self.wait().until(lambda _: self.visible("contract-next-premium").text != premium_before)
        self.assertNotEqual(self.visible("projection-next").text, projection_before)
        self.assertRegex(self.visible("contract-coefficient").text, r"^\d,\d\d$")
        note = d.find_element(*tid("calculation-note"))
        self.assertIn("Note de calcul", note.get_attribute("textContent"))
        self.assertIn(when.strftime("%d/%m/%Y"), note.get_attribute("textContent"))
        time.sleep(1.8)  # let the highlight fade for the screenshot
        self.shot("contract-after-claim.png")

        # An amendment adding a guarantee from today: the next premium includes it.
        premium_after_claim = self.visible("contract-next-premium").text
        self.clickable("contract-avenant").click()
        self.visible("avenant-details").send_keys("Ajout de la garantie vol")
        self.visible("premium-guarantee").send_keys("Vol")
        self.visible("premium-amount").send_keys("120,00")
        self.clickable("submit-avenant").click()
        self.wait().until(lambda _: self.visible("contract-next-premium").text != premium_after_claim)
        # Correcting the vehicle keeps what it replaced, shown under it.
        d.execute_script("arguments[0].scrollIntoView()", self.visible("contract-vehicles"))
        self.clickable("vehicle-correct").click()
        model = self.visible("vehicle-correct-model")
        model.clear()
        model.send_keys("Modèle corrigé")
        self.visible("vehicle-correct-reason").send_keys("Carte grise reçue")
        self.clickable("submit-vehicle-correct").click()
        self.wait().until(lambda drv: len(drv.find_elements(*tid("vehicle-revision"))) > 0)
        self.assertIn("Modèle corrigé", self.visible("contract-vehicles").text)
        d.execute_script("arguments[0].scrollIntoView()", self.visible("contract-vehicles"))
        time.sleep(2.5)  # the toast fades
        self.shot("contract-vehicles-timeline.png")

        # The Sinistres section lists the open claims, the new one among them.
        self.clickable("nav-claims").click()
        self.wait().until(lambda drv: len(drv.find_elements(*tid("open-claim"))) > 0)
        texts = d.execute_script(
            "return [...document.querySelectorAll('[data-testid=\"open-claim\"]')].map(r => r.innerText)"
        )
        self.assertTrue(any(when.strftime("%d/%m/%Y") in x for x in texts), texts[:5])
        self.shot("claims.png")

    def test_4_timeline_and_claim_page(self):
        d = self.new_agency()
        # A claim of its own, just declared, on a demo contract.
        k = self.demo_contract()
        after = self.invoke(
            "claim_create",
            {"input": {"contractId": k["id"], "occurredOn": date.today().isoformat(),
                       "kind": "accident", "responsibility": "none",
                       "description": "Rayure sur le parking"}},
        )
        self.assertNotIn("error", after, after)
        claim_id = max(x["id"] for x in after["claims"])
        # The client of an open claim: its record shows the timeline with the claim.
        c = self.invoke("claims_open", {"limit": 500})
        self.assertNotIn("error", c, c)
        c = next((x for x in c if x["claimId"] == claim_id), {"error": "claim not open", "list": c})
        self.assertNotIn("error", c, c)
        self.assertEqual(c["status"], "declare")
        d.execute_script("window.location.hash = '#/clients/' + arguments[0]", c["clientId"])
        self.visible("timeline")
        self.wait().until(lambda drv: len(drv.find_elements(*tid("timeline-entry"))) > 0)
        kinds = d.execute_script(
            "return [...document.querySelectorAll('[data-testid=\"timeline-entry\"]')].map(e => e.dataset.kind)"
        )
        self.assertIn("sinistre", kinds)
        self.assertIn("coefficient", kinds)
        # The contracts card above loads on its own: let the page settle before scrolling.
        self.wait().until(lambda drv: len(drv.find_elements(*tid("contract-row"))) > 0)
        time.sleep(0.5)
        d.execute_script("arguments[0].scrollIntoView()", self.visible("timeline"))
        time.sleep(0.3)
        self.shot("client-timeline.png")
        # Keep only the claims: untick every other kind.
        for k in ["qualification", "aggravation", "etat", "montant", "echange", "correction", "contrat", "coefficient"]:
            self.clickable(f"timeline-kind-{k}").click()
        self.wait().until(
            lambda drv: set(drv.execute_script(
                "return [...document.querySelectorAll('[data-testid=\"timeline-entry\"]')].map(e => e.dataset.kind)"
            )) == {"sinistre"}
        )

        # The claim's page: move it along its workflow and log an exchange.
        d.execute_script("window.location.hash = '#/claims/' + arguments[0]", c["claimId"])
        self.visible("claim-heading")
        self.shot("claim-page-top.png")
        self.clickable("claim-status-open").click()
        Select(self.visible("claim-status-select")).select_by_value("en_expertise")
        self.clickable("submit-claim-status").click()
        self.wait().until(
            lambda drv: drv.execute_script(
                "const s = document.querySelector('[data-testid=\"claim-stepper\"] [data-status=\"en_expertise\"]');"
                "return s && s.dataset.state;"
            ) in ("done", "current")
        )
        self.clickable("claim-contact-open").click()
        Select(self.visible("claim-contact-channel")).select_by_value("telephone")
        Select(self.visible("claim-contact-direction")).select_by_value("sortant")
        self.visible("claim-contact-summary").send_keys("Rendez-vous d'expertise fixé")
        # The time field is the window's own, 24-hour whatever the desktop's locale: « 25:00 » is
        # refused next to the field (focused), « 1430 » is read 14:30.
        when = self.visible("claim-contact-time")
        self.assertEqual(when.get_attribute("type"), "text")
        when.send_keys("25:00")
        self.clickable("submit-claim-contact").click()
        err = self.visible("field-error")
        self.assertIn("heure impossible", err.text)
        self.assertEqual(d.execute_script("return document.activeElement.dataset.testid"), "claim-contact-time")
        when.clear()
        when.send_keys("1430")
        when.send_keys(Keys.TAB)
        self.assertEqual(d.execute_script(
            "return Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').get.call(arguments[0])", when), "14:30")
        self.clickable("submit-claim-contact").click()
        self.wait().until(
            lambda drv: any(
                "Rendez-vous d'expertise fixé" in e.text for e in drv.find_elements(*tid("claim-contact-row"))
            )
        )
        row = next(e for e in d.find_elements(*tid("claim-contact-row")) if "Rendez-vous d'expertise fixé" in e.text)
        self.assertIn("14:30", row.text)
        rows = d.find_elements(*tid("claim-contact-row"))
        d.execute_script("arguments[0].scrollIntoView({ block: 'end' })", rows[-1])
        self.wait(10).until(lambda drv: not drv.execute_script(
            "return document.querySelector('.toast-visible') !== null"))
        time.sleep(0.6)  # its fade-out
        self.shot("claim-page.png")

        # Back on the client's timeline, the status change and the exchange are there.
        d.execute_script("window.location.hash = '#/clients/' + arguments[0]", c["clientId"])
        self.wait().until(lambda drv: len(drv.find_elements(*tid("timeline-entry"))) > 0)
        texts = d.execute_script(
            "return [...document.querySelectorAll('[data-testid=\"timeline-entry\"]')].map(e => e.innerText)"
        )
        self.assertTrue(any("Rendez-vous d'expertise fixé" in x for x in texts), texts[:8])
        self.assertTrue(any("en expertise" in x for x in texts), texts[:8])

    def test_8_a_scan_dropped_on_a_claim_is_listed_thumbnailed_and_opened(self):
        """A real native drop under Xvfb: a GTK drag source (drag_source.py) driven by xdotool
        onto the window; the page receives Tauri's drag-drop event with the file's path, the
        backend reads and checks it, and the scan is listed with its thumbnail and opened (pdf.js
        renders its pages in the window)."""
        d = self.new_agency()
        k = self.demo_contract()
        after = self.invoke(
            "claim_create",
            {"input": {"contractId": k["id"], "occurredOn": date.today().isoformat(),
                       "kind": "accident", "responsibility": "none",
                       "description": "Choc arrière au feu rouge"}},
        )
        self.assertNotIn("error", after, after)
        claim_id = max(x["id"] for x in after["claims"])
        d.execute_script("window.location.hash = '#/claims/' + arguments[0]", claim_id)
        self.visible("claim-heading")
        card = self.visible("documents-card")
        d.execute_script("arguments[0].scrollIntoView()", card)
        scan = os.path.join(self.data_dir, "..", f"constat-{claim_id}.pdf")
        with open(scan, "wb") as f:
            f.write(two_page_pdf("Constat amiable - page 1", "Constat amiable - page 2"))
        scan = os.path.abspath(scan)
        source = subprocess.Popen(
            [GTK_PYTHON, os.path.join(os.path.dirname(os.path.abspath(__file__)), "drag_source.py"), scan, "1300", "60"],
            stdout=subprocess.PIPE, text=True)
        try:
            self.assertEqual(source.stdout.readline().strip(), "ready")
            time.sleep(0.5)
            # Where the documents card is on the screen: the window's origin plus the card's place.
            rect = d.execute_script(
                "const r = arguments[0].getBoundingClientRect();"
                "return [window.screenX + r.left + r.width / 2, window.screenY + r.top + Math.min(r.height / 2, 80)];", card)
            tx, ty = int(rect[0]), int(rect[1])
            steps = ["mousemove", "1340", "100", "mousedown", "1"]
            for i in range(1, 11):
                steps += ["mousemove", str(1340 - i * 3), str(100 + i * 2), "sleep", "0.05"]
            for i in range(1, 21):
                steps += ["mousemove", str(1310 + (tx - 1310) * i // 20), str(120 + (ty - 120) * i // 20), "sleep", "0.05"]
            steps += ["sleep", "0.3", "mousemove", str(tx + 2), str(ty + 2), "sleep", "0.3", "mouseup", "1"]
            subprocess.run(["xdotool", *steps], check=True)
            # The dialog of the dropped files: type (« autre » by default), date, note.
            Select(self.wait(40).until(EC.visibility_of_element_located(tid("attach-kind")))).select_by_value("constat_amiable")
            self.clickable("attach-confirm").click()
            row = self.wait(40).until(EC.visibility_of_element_located(tid("document-row")))
        finally:
            source.kill()
        self.assertEqual(row.get_attribute("data-format"), "pdf")
        self.assertIn(f"constat-{claim_id}.pdf", row.text)
        self.assertIn("2 p.", row.text)
        self.wait(20).until(lambda drv: drv.execute_script(
            "const i = document.querySelector('[data-testid=\"document-thumb\"]');"
            "return i && i.dataset.loaded === 'true' && i.naturalWidth > 0;"))
        listed = self.invoke("document_list", {"ownerKind": "claim", "ownerId": claim_id})
        self.assertNotIn("error", listed, listed)
        self.assertEqual([x["fileName"] for x in listed], [f"constat-{claim_id}.pdf"])
        self.assertEqual(listed[0]["kind"], "constat_amiable")
        self.shot("documents-claim.png")
        # Opened in the window: both pages drawn by pdf.js.
        self.clickable("document-open").click()
        self.visible("document-viewer")
        self.wait(40).until(lambda drv: drv.execute_script(
            "return [...document.querySelectorAll('[data-testid=\"viewer-page\"]')]"
            ".filter(p => p.dataset.rendered === 'true').length") == 2)
        drawn = d.execute_script(
            "const c = document.querySelector('[data-testid=\"viewer-page\"]');"
            "const x = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
            "let dark = 0; for (let i = 0; i < x.length; i += 4) if (x[i] < 128) dark++;"
            "return dark;")
        self.assertGreater(drawn, 100, "the first page shows its text")
        self.shot("document-viewer.png")
        self.clickable("viewer-close").click()
        # The same file dropped again is recognised, not stored twice.
        again = self.invoke("document_attach", {"ownerKind": "claim", "ownerId": claim_id, "path": scan,
                                                "draft": {"kind": "autre"}})
        self.assertNotIn("error", again, again)
        self.assertTrue(again["duplicate"])
        self.assertIn("déjà joint", again["message"])
        # A renamed executable is refused, in French, with its code.
        fake = os.path.abspath(os.path.join(self.data_dir, "..", "scan-faux.pdf"))
        with open("/bin/true", "rb") as src, open(fake, "wb") as dst:
            dst.write(src.read())
        refused = self.invoke("document_attach", {"ownerKind": "claim", "ownerId": claim_id, "path": fake,
                                                  "draft": {"kind": "autre"}})
        self.assertEqual(refused["error"]["code"], "document_unsupported", refused)
        self.assertIn("programme exécutable", refused["error"]["message"])

    def set_date(self, name, value):
        self.driver.execute_script(
            "const el = arguments[0]; el.value = arguments[1];"
            "el.dispatchEvent(new Event('input', { bubbles: true }));"
            "el.dispatchEvent(new Event('change', { bubbles: true }));",
            self.visible(name),
            value,
        )

    def test_5_releve_then_new_contract_at_its_coefficient(self):
        # Needs only an open agency: started empty.
        d = self.new_agency(demo=False)
        # A client coming from another insurer: the relevé states 0,80 at its last échéance,
        # stopped two months ago, no claim; the new contract starts from what R17 gives.
        cid = d.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "window.__TAURI__.core.invoke('client_create', { input: { kind: 'person', lastName: 'Nouvel',"
            "  firstName: 'Arrivant', status: 'client' } }).then((c) => done(c.id), (e) => done(-1));"
        )
        self.assertGreater(cid, 0)
        d.execute_script("window.location.hash = '#/clients/' + arguments[0]", cid)
        self.clickable("record-releve").click()
        today = date.today()
        self.set_date("releve-issued-on", (today - timedelta(days=30)).isoformat())
        self.visible("releve-issuer").send_keys("Assurances du Rhône")
        self.visible("releve-coefficient").send_keys("0,80")
        self.set_date("releve-last-echeance", (today - timedelta(days=200)).isoformat())
        self.set_date("releve-stopped-on", (today - timedelta(days=60)).isoformat())
        self.clickable("submit-releve").click()
        start_coef = self.visible("releve-start-coefficient").text
        self.assertRegex(start_coef, r"^0,\d\d$")
        self.visible("releve-missing")
        self.assertNotIn("null", self.visible("releve-result").text)
        self.shot("releve-result.png")
        self.clickable("releve-new-contract").click()
        coef = self.visible("contract-start-coefficient")
        self.assertEqual(coef.get_attribute("value"), start_coef)
        self.visible("contract-insurer").send_keys("Mutuelle de l'Ouest")
        self.visible("contract-number").send_keys("AUTO-RELEVE-1")
        self.visible("premium-guarantee").send_keys("Responsabilité civile")
        self.visible("premium-amount").send_keys("400,00")
        self.clickable("submit-contract").click()
        self.wait().until(lambda drv: "#/contracts/" in drv.current_url)
        self.assertEqual(self.visible("contract-coefficient").text, start_coef)

    def test_6_insurers_are_managed_from_the_settings(self):
        # The demo portfolio brings its insurers.
        d = self.new_agency()
        self.clickable("nav-settings").click()
        self.clickable("settings-insurers").click()
        self.wait().until(lambda drv: len(drv.find_elements(*tid("insurer-row"))) >= 6)
        self.clickable("insurer-edit").click()
        box = self.visible("insurer-releve-email")
        box.clear()
        box.send_keys("ri@exemple-assureur.fr")
        self.visible("insurer-reason").send_keys("Nouvelle adresse du service relevés")
        self.clickable("submit-insurer").click()
        self.wait().until(lambda drv: len(drv.find_elements(*tid("insurer-revision"))) > 0)
        self.assertIn("ri@exemple-assureur.fr", self.visible("insurers-table").text)
        self.shot("insurers.png")

    def test_7_a_client_corrected_twice_shows_both_earlier_versions(self):
        self.new_agency(demo=False)
        self.clickable("new-client").click()
        self.visible("field-lastName").send_keys("Martin")
        self.visible("field-firstName").send_keys("Anne")
        self.clickable("submit-client").click()
        name = self.visible("record-name")
        self.wait().until(lambda _: "Anne Martin" in name.text)
        # Two corrections through the form, the first with its reason.
        for first_name, reason in (("Annie", "Prénom d'usage"), ("Anne-Marie", "")):
            self.clickable("edit-client").click()
            box = self.visible("field-firstName")
            box.clear()
            box.send_keys(first_name)
            if reason:
                self.visible("field-reason").send_keys(reason)
            self.clickable("submit-client").click()
            self.wait().until(lambda _: first_name in self.visible("record-name").text)
        self.wait().until(lambda drv: len(drv.find_elements(*tid("client-revision"))) == 2)
        notes = [e.text for e in self.driver.find_elements(*tid("client-revision"))]
        self.assertIn("Prénom d'usage", notes[0])
        # Each opens on what it changed: Anne → Annie, then Annie → Anne-Marie.
        for e in self.driver.find_elements(By.CSS_SELECTOR, '[data-testid="client-revision"] summary'):
            e.click()
        changes = self.driver.find_element(*tid("client-revisions")).text
        self.assertIn("Anne", changes)
        self.assertIn("Annie", changes)
        self.assertIn("Anne-Marie", changes)
        self.shot("client-revisions.png")

    def test_8_a_damaged_file_opens_read_only_with_its_banner(self):
        """One byte changed in the agency file (closed: the app wrote its log
        back at exit): the window opens it read-only, says so above every view and how to
        restore, still shows the clients, refuses every write, and writes nothing."""
        self.new_agency()
        self.close_window()
        db = os.path.join(self.data_dir, "agence.courtier")
        wal = db + "-wal"
        self.assertTrue(not os.path.exists(wal) or os.path.getsize(wal) == 0,
                        "the log is written back into the file at exit")
        data = bytearray(open(db, "rb").read())
        pages = len(data) // 4096
        # The last page: the last written (the reminders the app wrote when the file opened),
        # not one the client list reads, so the list can still be shown.
        data[(pages - 1) * 4096 + 1000] ^= 0x01
        with open(db, "wb") as f:
            f.write(data)
        self.relaunch()
        banner = self.visible("damage-banner", timeout=40)
        self.assertIn("lecture seule", banner.text)
        self.assertIn("dernière sauvegarde", banner.text)
        self.wait(40).until(EC.visibility_of_all_elements_located(tid("client-row")))
        created = self.invoke(
            "client_create",
            {"input": {"kind": "person", "lastName": "Nouveau", "status": "client"}},
        )
        self.assertEqual(created.get("error", {}).get("code"), "damaged_read_only", created)
        self.shot("damaged-read-only.png")
        self.quit()
        self.assertEqual(open(db, "rb").read(), bytes(data), "not a byte written")

    def test_9_sinistres_lists_open_and_closed_claims_with_filters(self):
        self.new_agency(demo=False)
        c = self.invoke("client_create", {"input": {"kind": "person", "lastName": "Garnier",
                                                    "firstName": "Lucie", "status": "client"}})
        k = self.invoke("contract_create", {"input": {
            "clientId": c["id"], "insurer": "Mutuelle de l'Ouest", "number": "AUTO-2024-CL7",
            "subscriptionDate": "2024-03-01", "firstEcheance": "2025-03-01",
            "premiums": [{"guarantee": "Responsabilité civile", "amount": "400,00", "modulated": True}]}})
        self.assertNotIn("error", k, k)
        for on, ref, resp in (("2025-04-10", "SIN-2025-00011", "full"), ("2025-09-02", "SIN-2025-00022", "none")):
            r = self.invoke("claim_create", {"input": {"contractId": k["id"], "occurredOn": on, "kind": "accident",
                                                       "responsibility": resp, "insurerReference": ref}})
            self.assertNotIn("error", r, r)
        first = min(x["id"] for x in r["claims"])
        done = self.invoke("claim_set_status", {"claimId": first, "status": "clos", "onDate": "2025-10-01", "note": None})
        self.assertNotIn("error", done, done)
        rows = lambda: self.driver.execute_script(
            "return [...document.querySelectorAll('[data-testid=\"open-claim\"]')].map(r => r.innerText)")
        # Open claims first: the closed one is not among them.
        self.clickable("nav-claims").click()
        self.wait().until(lambda _: len(rows()) == 1)
        self.assertIn("02/09/2025", rows()[0])
        # Closed ones on demand; then all of them, newest first.
        Select(self.visible("claims-state")).select_by_value("closed")
        self.wait().until(lambda _: len(rows()) == 1 and "10/04/2025" in rows()[0])
        self.assertIn("Clos", rows()[0])
        Select(self.visible("claims-state")).select_by_value("all")
        self.wait().until(lambda _: len(rows()) == 2)
        self.assertIn("02/09/2025", rows()[0])
        # Filtered by responsibility, then searched by reference.
        Select(self.visible("claims-responsibility")).select_by_value("full")
        self.wait().until(lambda _: len(rows()) == 1 and "10/04/2025" in rows()[0])
        Select(self.visible("claims-responsibility")).select_by_value("")
        self.visible("claims-text").send_keys("sin 2025 0002")
        self.wait().until(lambda _: len(rows()) == 1 and "02/09/2025" in rows()[0])
        self.shot("claims-filtered.png")
        self.visible("claims-text").clear()
        self.visible("claims-text").send_keys("zzzz" + Keys.ENTER)
        self.visible("claims-empty")


# The window sizes the form tests run at: the smallest a broker's laptop gives, and a usual one.
SIZES = [(1024, 700), (1280, 800)]


class FormsAtSize(ClientJourney):
    """The date field and the dialogs, in the real window at each size of SIZES: one test method
    per journey and size (`test_date_without_separators_1024x700`…), each from its own agency."""

    size = (1280, 800)

    def resize(self, size):
        """The window's inner size set to `size` (what the page lays out in)."""
        w, h = size
        self.driver.set_window_size(w, h)
        # The outer frame (title bar) is the window manager's: adjust until the page gets `size`.
        for _ in range(3):
            iw, ih = self.driver.execute_script("return [window.innerWidth, window.innerHeight]")
            if (iw, ih) == (w, h):
                break
            r = self.driver.get_window_size()
            self.driver.set_window_size(r["width"] + (w - iw), r["height"] + (h - ih))
            time.sleep(0.2)
        self.assertEqual(self.driver.execute_script("return [window.innerWidth, window.innerHeight]"), [w, h])

    def open_agency(self, size):
        """A new, empty agency, in a window of `size` from its first screen on (a screenshot
        taken just after a resize may show the frame from before it)."""
        self.launch()
        self.visible("recovery-key", timeout=40)
        self.resize(size)
        self.acknowledge_recovery_key()
        self.clickable("start-empty").click()
        self.visible("search-input", timeout=40)

    def focused_testid(self):
        return self.driver.execute_script("return document.activeElement && document.activeElement.dataset.testid")

    def shown(self, name):
        """What a date field shows (its `value` is the ISO date the forms read)."""
        return self.driver.execute_script(
            "const d = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');"
            "return d.get.call(arguments[0]);", self.visible(name))

    def new_client_form(self, last="Durand", first="Paul"):
        self.clickable("new-client").click()
        self.visible("field-lastName").send_keys(last)
        self.visible("field-firstName").send_keys(first)

    def client_with_record(self):
        created = self.invoke("client_create", {"input": {"kind": "person", "lastName": "Garnier",
                                                          "firstName": "Lucie", "status": "client"}})
        self.assertNotIn("error", created, created)
        self.driver.execute_script("window.location.hash = '#/clients/' + arguments[0]", created["id"])
        self.visible("record-name")
        return created["id"]

    # ---- the journeys, each run at every size -------------------------------------------------

    def check_date_without_separators(self, size):
        w, h = size
        self.open_agency(size)
        self.new_client_form()
        birth = self.visible("field-birthDate")
        birth.send_keys("14061988")
        # The calendar on demand (Alt+↓), on the month typed; Escape closes it, back to the field.
        birth.send_keys(Keys.ALT, Keys.ARROW_DOWN)
        cal = self.visible("date-calendar")
        self.assertIn("1988", cal.find_element(*tid("date-calendar-year")).get_attribute("value"))
        selected = self.driver.execute_script(
            "return document.querySelector('[data-testid=\"date-calendar\"] [aria-selected=\"true\"]').dataset.date")
        self.assertEqual(selected, "1988-06-14")
        self.assertEqual(self.driver.execute_script("return document.activeElement.dataset.date"), "1988-06-14")
        time.sleep(0.2)
        self.shot(f"date-field-calendar-{w}x{h}.png")
        self.driver.switch_to.active_element.send_keys(Keys.ESCAPE)
        self.wait().until(lambda _: not self.driver.find_element(*tid("date-calendar")).is_displayed())
        self.assertEqual(self.focused_testid(), "field-birthDate")
        # Leaving the field writes what was typed the usual way.
        birth.send_keys(Keys.TAB)
        self.assertEqual(self.shown("field-birthDate"), "14/06/1988")
        self.clickable("submit-client").click()
        name = self.visible("record-name")
        self.wait().until(lambda _: "Paul Durand" in name.text)
        self.assertIn("14/06/1988", self.driver.find_element(By.CSS_SELECTOR, '[aria-labelledby="sec-identity"]').text)

    def check_impossible_date_refused(self, size):
        w, h = size
        self.open_agency(size)
        self.new_client_form(last="Impossible", first="Date")
        birth = self.visible("field-birthDate")
        birth.send_keys("30/02/2023")
        birth.send_keys(Keys.TAB)
        self.clickable("submit-client").click()
        err = self.visible("field-error")
        self.assertIn("date impossible", err.text)
        self.assertIn("date impossible", self.visible("form-error").text)
        # Kept as typed, never turned into another date; focused; nothing saved.
        self.assertEqual(self.shown("field-birthDate"), "30/02/2023")
        self.assertEqual(birth.get_attribute("aria-invalid"), "true")
        self.assertEqual(self.focused_testid(), "field-birthDate")
        self.assertIn("#/clients/new", self.driver.current_url)
        time.sleep(0.2)
        self.shot(f"client-form-impossible-date-{w}x{h}.png")
        found = self.invoke("client_search", {"text": "Impossible", "limit": 10})
        self.assertNotIn("error", found if isinstance(found, dict) else {}, found)
        self.assertEqual(found if isinstance(found, list) else found.get("items", found.get("rows")), [], found)
        # Corrected, the error goes, and the client is saved with that date.
        birth.send_keys(Keys.CONTROL, "a")
        birth.send_keys("28.02.23")
        self.wait().until(lambda drv: drv.find_elements(*tid("field-error")) == [])
        self.clickable("submit-client").click()
        self.wait().until(lambda _: "Date Impossible" in self.visible("record-name").text)
        self.assertIn("28/02/2023", self.driver.find_element(By.CSS_SELECTOR, '[aria-labelledby="sec-identity"]').text)

    def check_contract_required_field(self, size):
        w, h = size
        self.open_agency(size)
        self.client_with_record()
        self.clickable("new-contract").click()
        self.visible("contract-number").send_keys("AUTO-VIDE-1")
        self.clickable("submit-contract").click()
        # Shown next to the field and in the summary at the top, the field focused and in view.
        summary = self.visible("form-error")
        self.assertIn("obligatoire", summary.text)
        self.assertIn("Assureur", summary.text)
        insurer = self.visible("contract-insurer")
        self.assertEqual(insurer.get_attribute("aria-invalid"), "true")
        self.assertEqual(self.focused_testid(), "contract-insurer")
        field_error = self.driver.execute_script(
            "return arguments[0].closest('.field').querySelector('[data-testid=\"field-error\"]').textContent", insurer)
        self.assertIn("obligatoire", field_error)
        in_view = self.driver.execute_script(
            "const r = arguments[0].getBoundingClientRect(); const d = arguments[0].closest('dialog').getBoundingClientRect();"
            "return r.top >= d.top && r.bottom <= d.bottom && r.bottom <= window.innerHeight;", insurer)
        self.assertTrue(in_view)
        summary_top = self.driver.execute_script(
            "const s = arguments[0].getBoundingClientRect(); const d = arguments[0].closest('dialog').getBoundingClientRect();"
            "return s.top - d.top;", summary)
        self.assertLess(summary_top, 120)
        time.sleep(0.2)
        self.shot(f"dialog-error-summary-{w}x{h}.png")
        # Corrected, its error goes at once.
        insurer.send_keys("Mutuelle de l'Ouest")
        self.wait().until(lambda _: insurer.get_attribute("aria-invalid") is None)
        self.wait().until(lambda drv: not drv.find_element(*tid("form-error")).is_displayed())
        # The subscription date's calendar, inside the dialog.
        sub = self.visible("contract-subscription-date")
        sub.click()
        sub.send_keys(Keys.ALT, Keys.ARROW_DOWN)
        self.wait().until(lambda drv: drv.execute_script(
            "const p = document.querySelector('.date-popup:not([hidden])');"
            "return p !== null && p.parentElement.contains(document.activeElement);"))
        time.sleep(0.2)
        self.shot(f"dialog-date-calendar-{w}x{h}.png")
        # Escape closes the calendar only: the dialog stays, nothing is asked.
        self.driver.switch_to.active_element.send_keys(Keys.ESCAPE)
        self.wait().until(lambda drv: drv.execute_script("return document.querySelector('.date-popup:not([hidden])') === null"))
        self.assertEqual(self.driver.find_elements(*tid("discard-dialog")), [])
        self.assertEqual(self.focused_testid(), "contract-subscription-date")
        # An impossible date typed over the prefilled one: kept as typed, refused with its
        # message, and the first échéance does not follow it.
        echeance_before = self.shown("contract-first-echeance")
        sub.send_keys(Keys.CONTROL, "a")
        sub.send_keys("31022024")
        sub.send_keys(Keys.TAB)
        self.assertEqual(self.shown("contract-subscription-date"), "31022024")
        self.assertEqual(self.shown("contract-first-echeance"), echeance_before)
        self.clickable("submit-contract").click()
        self.wait().until(lambda _: "date impossible" in self.visible("form-error").text)
        self.assertEqual(self.focused_testid(), "contract-subscription-date")
        self.assertEqual(self.shown("contract-subscription-date"), "31022024")
        # A valid one: the first échéance follows, one year later.
        sub.send_keys(Keys.CONTROL, "a")
        sub.send_keys("15032026")
        self.assertEqual(self.shown("contract-first-echeance"), "15/03/2027")

    def check_escape_asks_first(self, size):
        self.open_agency(size)
        self.client_with_record()
        # Nothing typed: Escape closes at once, focus back on the button.
        self.clickable("new-contract").click()
        self.visible("contract-number")
        self.driver.switch_to.active_element.send_keys(Keys.ESCAPE)
        self.wait().until(lambda drv: drv.find_elements(By.CSS_SELECTOR, "dialog[open]") == [])
        self.assertEqual(self.focused_testid(), "new-contract")
        # Typed: Escape asks; « Continuer la saisie » keeps what was typed.
        self.clickable("new-contract").click()
        number = self.visible("contract-number")
        number.send_keys("AUTO-2026-ESC")
        number.send_keys(Keys.ESCAPE)
        ask = self.visible("discard-dialog")
        self.assertIn("Abandonner la saisie ?", ask.text)
        self.clickable("confirm-cancel").click()
        self.wait().until(lambda drv: drv.find_elements(*tid("discard-dialog")) == [])
        self.assertEqual(self.visible("contract-number").get_attribute("value"), "AUTO-2026-ESC")
        # The close button asks too; confirming discards.
        self.clickable("dialog-cancel").click()
        self.visible("discard-dialog")
        self.clickable("confirm-ok").click()
        self.wait().until(lambda drv: drv.find_elements(By.CSS_SELECTOR, "dialog[open]") == [])
        self.assertEqual(self.focused_testid(), "new-contract")

    def check_leaving_modified_form_asks(self, size):
        self.open_agency(size)
        # Untouched: the sidebar leaves at once.
        self.clickable("new-client").click()
        self.visible("field-lastName")
        self.clickable("nav-clients").click()
        self.visible("search-input")
        self.assertEqual(self.driver.find_elements(*tid("leave-dialog")), [])
        # Modified: it asks; staying keeps what was typed.
        self.new_client_form(last="Moreau", first="Inès")
        self.clickable("nav-claims").click()
        self.assertIn("Quitter la fiche sans enregistrer ?", self.visible("leave-dialog").text)
        self.clickable("confirm-cancel").click()
        self.wait().until(lambda drv: drv.find_elements(*tid("leave-dialog")) == [])
        self.assertIn("#/clients/new", self.driver.current_url)
        self.assertEqual(self.visible("field-lastName").get_attribute("value"), "Moreau")
        # Leaving for good: the list, and the client was not saved.
        self.clickable("nav-clients").click()
        self.visible("leave-dialog")
        self.clickable("confirm-ok").click()
        self.visible("search-input")
        self.assertEqual(self.invoke("client_search", {"text": "Moreau", "limit": 10}), [])

    def check_focus_and_toast_after_an_action(self, size):
        self.open_agency(size)
        self.client_with_record()
        self.clickable("archive-client").click()
        self.clickable("confirm-ok").click()
        # The page is drawn again without the button that was used: the focus goes to its heading,
        # not to the page body.
        self.visible("restore-client")
        self.wait(5).until(lambda _: self.focused_testid() == "record-name")
        toast = self.visible("toast")
        self.assertTrue(toast.text.strip())
        # The toast belongs to its page: gone once the broker moves on.
        self.clickable("nav-claims").click()
        self.wait(5).until(lambda drv: drv.execute_script(
            "const t = document.querySelector('[data-testid=\"toast\"]');"
            "return !t || (!t.classList.contains('toast-visible') && t.textContent === '');"))


    def contract_with_vehicle(self):
        """Lucie Garnier's contract AUTO-2024-CL7 with the vehicle GH-456-JK, made through the
        commands the forms call; the client record open."""
        cid = self.client_with_record()
        k = self.invoke("contract_create", {"input": {
            "clientId": cid, "insurer": "Mutuelle de l'Ouest", "number": "AUTO-2024-CL7",
            "subscriptionDate": "2024-03-01", "firstEcheance": "2025-03-01",
            "premiums": [{"guarantee": "Responsabilité civile", "amount": "400,00", "modulated": True}]}})
        self.assertNotIn("error", k, k)
        v = self.invoke("vehicle_add", {"input": {"contractId": k["id"], "registration": "GH-456-JK",
                                                  "make": "Renault", "model": "Clio", "fromDate": "2024-03-01"}})
        self.assertNotIn("error", v, v)
        return cid, k["id"]

    def search_box(self, text):
        """The client list's search box, with `text` typed in it."""
        self.clickable("nav-clients").click()
        box = self.visible("search-input")
        box.clear()
        box.send_keys(text)
        return box

    def check_contract_and_vehicle_found_by_the_search_box(self, size):
        w, h = size
        self.open_agency(size)
        _, k = self.contract_with_vehicle()
        # The contract by its number, typed as the broker says it (case and dashes ignored).
        self.search_box("auto 2024 cl")
        hit = self.visible("search-hits-contract").find_element(*tid("search-hit"))
        self.assertEqual(hit.text, "AUTO-2024-CL7")
        self.assertIn("Lucie Garnier", self.visible("search-hits-contract").text)
        # No « Aucun résultat » when the hit is not a client.
        self.assertNotIn("Aucun résultat", self.driver.find_element(By.CSS_SELECTOR, "main").text)
        time.sleep(0.2)
        self.shot(f"search-contract-{w}x{h}.png")
        hit.click()
        self.wait().until(lambda drv: drv.current_url.endswith(f"#/contracts/{k}"))
        # The vehicle by a prefix of its registration: its contract's page.
        self.search_box("gh456")
        group = self.visible("search-hits-vehicle")
        self.assertIn("GH-456-JK", group.text)
        self.assertIn("Renault Clio", group.text)
        group.find_element(*tid("search-hit")).click()
        self.wait().until(lambda drv: drv.current_url.endswith(f"#/contracts/{k}"))
        self.assertIn("GH-456-JK", self.visible("contract-vehicles").text)

    def check_releve_reopened_from_the_client_record(self, size):
        w, h = size
        self.open_agency(size)
        cid = self.client_with_record()
        self.assertIn("Aucun relevé", self.visible("releves").text)
        today = date.today()
        doc = {"issued_on": (today - timedelta(days=30)).isoformat(), "issuer": "Assurances du Rhône",
               "coefficient": "0.80", "last_echeance": (today - timedelta(days=200)).isoformat(),
               "stopped_on": (today - timedelta(days=60)).isoformat(),
               "policyholder": {"last_name": "Garnier"}, "drivers": [], "claims": []}
        r = self.invoke("releve_record", {"clientId": cid, "document": doc})
        self.assertNotIn("error", r, r)
        self.driver.refresh()
        # Listed on the record: date, insurer, the coefficient stated and the one computed.
        row = self.visible("releve-row")
        self.assertIn("Assurances du Rhône", row.text)
        self.assertIn("0,80", row.text)
        start = r["startCoefficient"].replace(".", ",")
        self.assertEqual(row.find_element(*tid("releve-row-start")).text, start)
        # Reopened from its date: the same result as when it was entered.
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", row)
        row.find_element(*tid("releve-reopen")).click()
        self.assertEqual(self.visible("releve-start-coefficient").text, start)
        self.visible("releve-steps")
        time.sleep(0.2)
        self.shot(f"releve-reopened-{w}x{h}.png")
        self.clickable("releve-result-close").click()
        self.wait().until(lambda drv: drv.find_elements(By.CSS_SELECTOR, "dialog[open]") == [])
        # And from the timeline.
        entry = self.visible("timeline-releve")
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", entry)
        self.assertIn("Assurances du Rhône", entry.text)
        entry.click()
        self.assertEqual(self.visible("releve-start-coefficient").text, start)
        self.clickable("releve-result-close").click()


def _per_size(name, check):
    for w, h in SIZES:
        def test(self, check=check, size=(w, h)):
            getattr(self, check)(size)
        test.__name__ = f"test_{name}_{w}x{h}"
        setattr(FormsAtSize, test.__name__, test)


for _name in ("date_without_separators", "impossible_date_refused", "contract_required_field", "escape_asks_first",
              "leaving_modified_form_asks", "focus_and_toast_after_an_action",
              "contract_and_vehicle_found_by_the_search_box", "releve_reopened_from_the_client_record"):
    _per_size(_name, f"check_{_name}")

# The journeys of ClientJourney are not run a second time under FormsAtSize.
for _attr in [a for a in dir(ClientJourney) if a.startswith("test_")]:
    setattr(FormsAtSize, _attr, None)


if __name__ == "__main__":
    # The aggravating circumstances' journey, in its own file (this one is long).
    from test_aggravations import AggravationJourney  # noqa: F401

    # Printing and documents (Paramètres → Agence, the contract's papers, export, details).
    from test_printing import PrintingJourney  # noqa: F401

    # The renewal calendar: month view, moving a month, an échéance to its contract.
    from test_calendar import CalendarJourney  # noqa: F401

    # Reminders: caught up at the next start, once; the counter; « Rappels ».
    from test_reminders import RemindersJourney  # noqa: F401

    # The layout checks live in their own module (test_layout.py); run with these.
    from test_layout import LayoutAtSize, WindowClose, ZoomAt200  # noqa: F401
    unittest.main(verbosity=2)
