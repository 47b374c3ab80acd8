"""End-to-end: printing and documents in the real window, in the style of test_clients.py (whose
helpers it inherits; kept apart because that file is long).

- Paramètres → Agence: an ORIAS number of seven digits refused next to its field, then the
  identity saved with its logo (dropped on the window) and read
  back after leaving and coming back.
- The contract page: « Attestation » generates the PDF, stores it with the contract (it joins the
  documents list, its thumbnail page 1 drawn by pdf.js) and opens it in the viewer with
  « Imprimer » and « Enregistrer en PDF »; « Imprimer » opens the GTK print dialog (seen in a
  screenshot of the whole X display, then cancelled with Escape); « Avis envoyé le… » records the
  sending and shows the Chatel outcome.
- A document exported to a path the test controls (the save dialog cannot be driven by
  WebDriver: the export command is given the path, as the drop test gives a real drop a file),
  its bytes compared; its type, date and note changed from the list; the logo and the scan are
  dropped for real (drag_source.py), the native dialogs being out of WebDriver's reach.
- A scan and a photo dropped together: each gets its own type, the first's values offered to
  the second.
    tests/e2e/run.sh PrintingJourney.test_agency_identity_from_the_settings

The point of a drop is the middle of the part of the element inside the viewport: a tall card
whose top is scrolled past (Paramètres → Agence once its fields are filled) once put it above
the window, and the drop never reached it.
"""

import os
import subprocess
import time
import unittest
from datetime import date

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

from test_clients import ARTIFACTS, GTK_PYTHON, ClientJourney, tid, two_page_pdf

# A 2×2 PNG, real: its chunks' CRCs right, so that WebKit decodes it for the preview (the
# identity's check reads only its signature and IHDR).
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d494844520000000200000002080600000072b60d24"
    "000000124944415478da6390f7ebfa0fc20cffa1000056040be5349adcd4"
    "0000000049454e44ae426082")


class PrintingJourney(ClientJourney):
    def at_size(self):
        self.driver.set_window_rect(0, 0, 1280, 800)

    def native_drop(self, paths, element):
        """A real native drop of `paths` (one path or a list, dropped together) onto `element`
        (drag_source.py driven by xdotool, as in ClientJourney.test_8): the window receives
        Tauri's drag-drop event with the paths."""
        d = self.driver
        paths = [paths] if isinstance(paths, str) else list(paths)
        source = subprocess.Popen(
            [GTK_PYTHON, os.path.join(os.path.dirname(os.path.abspath(__file__)), "drag_source.py"), *paths, "1300", "60"],
            stdout=subprocess.PIPE, text=True)
        try:
            self.assertEqual(source.stdout.readline().strip(), "ready")
            time.sleep(0.5)
            # The middle of the part of the element inside the viewport (a tall card scrolled
            # past its top would otherwise put the point above the window).
            rect = d.execute_script(
                "const r = arguments[0].getBoundingClientRect();"
                "const top = Math.max(r.top, 0), bottom = Math.min(r.bottom, window.innerHeight);"
                "return [window.screenX + r.left + r.width / 2, window.screenY + (top + bottom) / 2];", element)
            tx, ty = int(rect[0]), int(rect[1])
            steps = ["mousemove", "1340", "100", "mousedown", "1"]
            for i in range(1, 11):
                steps += ["mousemove", str(1340 - i * 3), str(100 + i * 2), "sleep", "0.05"]
            for i in range(1, 21):
                steps += ["mousemove", str(1310 + (tx - 1310) * i // 20), str(120 + (ty - 120) * i // 20), "sleep", "0.05"]
            steps += ["sleep", "0.3", "mousemove", str(tx + 2), str(ty + 2), "sleep", "0.3", "mouseup", "1"]
            subprocess.run(["xdotool", *steps], check=True)
            time.sleep(1.0)
        finally:
            source.kill()
            source.wait()
            source.stdout.close()

    def identity(self):
        r = self.invoke("agency_identity_set", {"draft": {
            "name": "Cabinet Durand Assurances", "address": "12 rue de la Paix\n74000 Annecy",
            "orias": "12345678", "association": "Planète CSCA", "phone": "04 50 12 34 56",
            "email": "contact@durand-assurances.fr",
            "footer": "SARL au capital de 10 000 € — RCS Annecy 123 456 789", "removeLogo": False}})
        self.assertNotIn("error", r, r)

    def test_agency_identity_from_the_settings(self):
        d = self.new_agency(demo=False)
        d.execute_script("window.location.hash = '#/settings'")
        card = self.visible("agency-card")
        d.execute_script("arguments[0].scrollIntoView()", card)
        self.visible("agency-name").send_keys("Cabinet Durand Assurances")
        self.visible("agency-orias").send_keys("1234567")
        self.visible("agency-email").send_keys("contact@durand-assurances.fr")
        self.clickable("agency-save").click()
        err = self.wait().until(lambda drv: drv.find_element(By.CSS_SELECTOR, '[data-testid="agency-orias"][aria-invalid="true"]'))
        msg = d.execute_script("return arguments[0].closest('.field').querySelector('.field-error').innerText", err)
        self.assertIn("huit chiffres", msg)
        # Nothing was saved.
        self.assertEqual(self.invoke("agency_identity_get", {})["versions"], 0)
        orias = self.visible("agency-orias")
        orias.clear()
        orias.send_keys("12 345 678")
        self.visible("agency-footer").send_keys("SARL au capital de 10 000 € — RCS Annecy 123 456 789")
        # Enter in the address starts its second line (a "\n" typed through WebDriver is no key
        # press in WebKitWebDriver: the lines were glued together, « Paix74000 »).
        self.visible("agency-address").send_keys("12 rue de la Paix", Keys.ENTER, "74000 Annecy")
        self.visible("agency-association").send_keys("Planète CSCA")
        self.visible("agency-phone").send_keys("04 50 12 34 56")
        logo = os.path.abspath(os.path.join(self.data_dir, "..", "logo-agence.png"))
        with open(logo, "wb") as f:
            f.write(PNG)
        # The native file dialog cannot be driven by WebDriver: the image is dropped on the window.
        self.native_drop(logo, self.visible("agency-card"))
        self.wait().until(lambda drv: "logo-agence.png" in self.visible("agency-logo-status").text)
        self.clickable("agency-save").click()
        self.wait().until(lambda drv: "version 1" in self.visible("agency-status").text.lower() or "Version 1" in self.visible("agency-status").text)
        got = self.invoke("agency_identity_get", {})
        self.assertEqual(got["orias"], "12345678")
        self.assertEqual(got["address"], "12 rue de la Paix\n74000 Annecy")
        self.assertEqual(got["logoFormat"], "png")
        self.assertEqual(got["versions"], 1)
        # Back on the page: the values and the logo shown.
        d.execute_script("window.location.hash = '#/clients'")
        self.visible("search-input")
        d.execute_script("window.location.hash = '#/settings'")
        self.wait().until(lambda drv: self.visible("agency-orias").get_attribute("value") == "12 345 678")
        self.assertEqual(self.visible("agency-address").get_attribute("value"), "12 rue de la Paix\n74000 Annecy")
        self.wait().until(lambda drv: drv.execute_script(
            "const i = document.querySelector('[data-testid=\"agency-logo-preview\"]');"
            "return i && !i.hidden && i.complete && i.naturalWidth === 2;"))
        d.execute_script("arguments[0].scrollIntoView()", self.visible("agency-card"))
        time.sleep(2.5)  # the toast fades
        self.shot("agency-settings.png")

    def test_contract_papers_print_save_and_avis_sent(self):
        d = self.new_agency()
        self.at_size()
        self.identity()
        k = self.demo_contract()
        d.execute_script("window.location.hash = '#/contracts/' + arguments[0]", k["id"])
        card = self.visible("print-card")
        d.execute_script("arguments[0].scrollIntoView({ block: 'center' })", card)
        time.sleep(0.5)
        self.shot("contract-print.png")
        self.clickable("print-attestation").click()
        self.visible("document-viewer", timeout=60)
        self.wait(60).until(lambda drv: drv.execute_script(
            "return [...document.querySelectorAll('[data-testid=\"viewer-page\"]')]"
            ".some(p => p.dataset.rendered === 'true')"))
        self.visible("viewer-print")
        self.visible("viewer-save")
        self.shot("paper-viewer.png")
        # The paper is stored with the contract: listed, its thumbnail page 1 drawn by pdf.js.
        listed = self.invoke("document_list", {"ownerKind": "contract", "ownerId": k["id"]})
        paper = [x for x in listed if x["fileName"].startswith("attestation-")]
        self.assertEqual(len(paper), 1, listed)
        # « Imprimer »: the GTK print dialog, over the window (a screenshot of the X display).
        windows = lambda: set(subprocess.run(["xdotool", "search", "--onlyvisible", "--name", ".*"], capture_output=True, text=True).stdout.split())
        before = windows()
        d.execute_script("setTimeout(() => document.querySelector('[data-testid=\"viewer-print\"]').click(), 0)")
        shot = os.path.join(ARTIFACTS, "print-dialog.png")
        seen = False
        for _ in range(40):
            time.sleep(0.5)
            if windows() - before:
                seen = True
                break
        time.sleep(1.0)
        os.makedirs(ARTIFACTS, exist_ok=True)
        subprocess.run(["import", "-window", "root", shot], check=False)
        self.assertTrue(seen, "the system print dialog did not open")
        subprocess.run(["xdotool", "key", "Escape"], check=False)
        # The pages drawn for the dialog go once it is closed: when the window gets the focus
        # back, and at the latest after a minute (without a window manager under Xvfb the focus
        # may not come back).
        self.wait(75).until(lambda drv: drv.execute_script(
            "return !document.querySelector('[data-testid=\"print-pages\"]')"
            " || !document.body.classList.contains('print-document')"))
        self.clickable("viewer-close").click()
        row = self.wait(30).until(lambda drv: drv.find_element(
            By.CSS_SELECTOR, f'[data-testid="document-row"][data-id="{paper[0]["id"]}"]'))
        d.execute_script("arguments[0].scrollIntoView({ block: 'center' })", row)
        self.wait(40).until(lambda drv: drv.execute_script(
            "const i = arguments[0].querySelector('[data-testid=\"document-thumb\"]');"
            "return i.dataset.source === 'pdfjs' && i.dataset.loaded === 'true' && i.naturalWidth > 0;", row))
        self.shot("contract-documents.png")

        # « Avis envoyé le… »: recorded, shown with the Chatel outcome.
        today = date.today().isoformat()
        self.clickable("avis-record").click()
        self.set_date("avis-on", today)
        Select(self.visible("avis-channel")).select_by_value("email")
        self.clickable("submit-avis").click()
        avis = self.wait(20).until(EC.visibility_of_element_located(tid("avis-row")))
        self.assertIn("Courriel", avis.text)
        self.assertIn("L113-15-1", self.visible("avis-chatel").text)
        sent = self.invoke("avis_sent_list", {"contractId": k["id"]})
        self.assertEqual(len(sent), 1)
        self.assertEqual(sent[0]["sentOn"], today)

    def test_a_document_is_exported_to_a_chosen_path_and_its_details_changed(self):
        d = self.new_agency()
        k = self.demo_contract()
        scan = os.path.abspath(os.path.join(self.data_dir, "..", f"facture-{k['id']}.pdf"))
        data = two_page_pdf("Facture garage - page 1", "page 2")
        with open(scan, "wb") as f:
            f.write(data)
        d.execute_script("window.location.hash = '#/contracts/' + arguments[0]", k["id"])
        card = self.visible("documents-card")
        # Dropped on the record: the dialog asks the type, date and note first (defaults: autre,
        # today, empty).
        out = os.path.abspath(os.path.join(self.data_dir, "..", "copie-exportee.pdf"))
        d.execute_script("arguments[0].scrollIntoView()", card)
        self.native_drop(scan, card)
        self.visible("attach-dialog")
        self.assertEqual(Select(self.visible("attach-kind")).first_selected_option.get_attribute("value"), "autre")
        Select(self.visible("attach-kind")).select_by_value("facture")
        self.visible("attach-note").send_keys("Réparation du pare-chocs")
        self.clickable("attach-confirm").click()
        row = self.wait(40).until(EC.visibility_of_element_located(tid("document-row")))
        self.assertIn("Réparation du pare-chocs", row.text)
        self.assertIn("Facture", row.text)
        doc_id = int(row.get_attribute("data-id"))
        # « Exporter »: the save dialog cannot be driven by WebDriver, so the export command is
        # given a path the test controls; Rust writes the bytes there and records the export.
        exported = self.invoke("document_export", {"id": doc_id, "path": out})
        self.assertNotIn("error", exported, exported)
        with open(out, "rb") as f:
            self.assertEqual(f.read(), data)
        shown = self.invoke("document_list", {"ownerKind": "contract", "ownerId": k["id"]})
        exports = [x["exports"] for x in shown if x["id"] == doc_id][0]
        self.assertEqual([e["destination"] for e in exports], [out])
        # « Modifier »: type, date and note changed later, a new fact.
        self.clickable("document-edit").click()
        Select(self.visible("attach-kind")).select_by_value("courrier")
        note = self.visible("attach-note")
        note.clear()
        note.send_keys("Courrier du garage")
        self.clickable("attach-confirm").click()
        self.wait(20).until(lambda drv: "Courrier du garage" in drv.find_element(*tid("document-row")).text)
        after = [x for x in self.invoke("document_list", {"ownerKind": "contract", "ownerId": k["id"]}) if x["id"] == doc_id][0]
        self.assertEqual(after["kind"], "courrier")
        self.assertEqual(after["note"], "Courrier du garage")
        # Paramètres → Documents.
        d.execute_script("window.location.hash = '#/settings'")
        docs = self.visible("settings-doc-limit")
        d.execute_script("arguments[0].scrollIntoView({ block: 'center' })", docs)
        self.wait().until(lambda drv: docs.get_attribute("value") == "50")
        time.sleep(0.5)
        self.shot("settings-documents.png")

    def test_files_dropped_together_each_get_their_own_type(self):
        """A scan and a photo dropped together: one box per file in the dialog, the first
        file's type and note offered to the second, which is then given its own type."""
        d = self.new_agency()
        k = self.demo_contract()
        scan = os.path.abspath(os.path.join(self.data_dir, "..", f"constat-{k['id']}.pdf"))
        with open(scan, "wb") as f:
            f.write(two_page_pdf("Constat amiable - page 1", "page 2"))
        photo = os.path.abspath(os.path.join(self.data_dir, "..", f"photo-{k['id']}.png"))
        with open(photo, "wb") as f:
            f.write(PNG)
        d.execute_script("window.location.hash = '#/contracts/' + arguments[0]", k["id"])
        card = self.visible("documents-card")
        d.execute_script("arguments[0].scrollIntoView()", card)
        self.native_drop([scan, photo], card)
        self.visible("attach-dialog")
        rows = self.wait().until(lambda drv: len(drv.find_elements(*tid("attach-row"))) == 2 and drv.find_elements(*tid("attach-row")))
        kind = lambda r: Select(r.find_element(*tid("attach-kind")))
        note = lambda r: r.find_element(*tid("attach-note"))
        self.assertIn(os.path.basename(scan), rows[0].text)
        self.assertIn(os.path.basename(photo), rows[1].text)
        # The first file's type and note are offered to the second…
        kind(rows[0]).select_by_value("constat_amiable")
        note(rows[0]).send_keys("Choc arrière", Keys.TAB)
        self.wait().until(lambda drv: kind(rows[1]).first_selected_option.get_attribute("value") == "constat_amiable")
        self.assertEqual(note(rows[1]).get_attribute("value"), "Choc arrière")
        # …which is given its own type; changing the first again leaves it alone.
        kind(rows[1]).select_by_value("photos")
        kind(rows[0]).select_by_value("rapport_expertise")
        kind(rows[0]).select_by_value("constat_amiable")
        self.assertEqual(kind(rows[1]).first_selected_option.get_attribute("value"), "photos")
        self.shot("attach-two-files.png")
        self.clickable("attach-confirm").click()
        self.wait(40).until(lambda drv: len(drv.find_elements(*tid("document-row"))) == 2)
        listed = {x["fileName"]: x for x in self.invoke("document_list", {"ownerKind": "contract", "ownerId": k["id"]})}
        self.assertEqual(listed[os.path.basename(scan)]["kind"], "constat_amiable")
        self.assertEqual(listed[os.path.basename(photo)]["kind"], "photos")
        self.assertEqual({x["note"] for x in listed.values()}, {"Choc arrière"})


# The journeys of ClientJourney are not run a second time here.
for _attr in [a for a in dir(ClientJourney) if a.startswith("test_")]:
    setattr(PrintingJourney, _attr, None)
