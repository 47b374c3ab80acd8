"""End-to-end: reminders in the real window, in the style of test_clients.py (whose helpers it
inherits), with a real notification service on the test's session bus (notify_server.py).

A reminder that came due while the app was closed (written by `courtier reminders add` with
the app closed) fires at the next start: the sidebar's counter shows it, the system received
exactly one notification with its title, and it is recorded fired once. Started again, the app
fires it no more. From the client record, « Ajouter un rappel » for the current minute fires at
once; on « Rappels », « Reporter » moves it to « À venir », « Fait » closes the other one and
the counter follows. The page's screenshot is kept as docs/reminders.png.
    tests/e2e/run.sh RemindersJourney.test_due_while_closed_fires_once_at_the_next_start
"""

import json
import os
import shutil
import subprocess
import time
from datetime import datetime, timedelta

from selenium.webdriver.common.by import By

from test_clients import ARTIFACTS, GTK_PYTHON, ClientJourney, tid

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
CLI = os.environ.get("COURTIER_E2E_CLI", os.path.join(ROOT, "target", "debug", "courtier"))
HERE = os.path.dirname(os.path.abspath(__file__))

CLIENT = {"kind": "person", "lastName": "Martin", "firstName": "Paul", "status": "client"}

class RemindersJourney(ClientJourney):
    def setUp(self):
        super().setUp()
        self.notes = os.path.join(self.work_dir(), "notifications.jsonl")
        self.server = subprocess.Popen(
            [GTK_PYTHON, os.path.join(HERE, "notify_server.py"), self.notes],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )
        self.assertEqual(self.server.stdout.readline().strip(), "ready")

    def tearDown(self):
        super().tearDown()
        self.server.stdin.close()
        self.server.wait(10)

    def work_dir(self):
        from test_clients import WORK
        return WORK

    def notified(self, title):
        if not os.path.exists(self.notes):
            return []
        with open(self.notes, encoding="utf-8") as f:
            return [n for n in map(json.loads, f) if title in n["summary"]]

    def cli(self, *args):
        out = subprocess.run([CLI, "--data-dir", self.data_dir, *args], check=True,
                             capture_output=True, text=True, timeout=120)
        return out.stdout

    def reminder(self, rid):
        page = json.loads(self.cli("reminders", "list", "--json"))
        for r in page["due"] + page["upcoming"] + page["closed"]:
            if r["id"] == rid:
                return r
        self.fail(f"reminder {rid} not listed")

    def counter(self):
        return self.driver.execute_script(
            "const b = document.querySelector('[data-testid=\"reminders-counter\"]');"
            "return b && !b.hidden ? b.textContent : '0'")

    def test_due_while_closed_fires_once_at_the_next_start(self):
        d = self.new_agency(demo=False)
        client = self.invoke("client_create", {"input": CLIENT})
        self.assertNotIn("error", client, client)
        self.assertEqual(self.counter(), "0")
        self.close_window()

        # The app closed: a reminder written from the command line, due a minute ago.
        due = (datetime.now() - timedelta(minutes=1)).strftime("%Y-%m-%dT%H:%M")
        title = "Rappeler M. Martin pour le constat"
        rid = int(self.cli("reminders", "add", "--client", str(client["id"]), "--title", title,
                           "--due", due, "--note", "Le constat amiable n'est pas signé.").strip())
        self.assertEqual(self.reminder(rid)["firedCount"], 0)
        due_cli = json.loads(self.cli("reminders", "due", "--json"))
        self.assertEqual([r["id"] for r in due_cli], [rid])

        # The next start catches it up: the counter, one notification, fired once.
        d = self.relaunch()
        self.visible("search-input", timeout=60)
        self.wait(30).until(lambda _: self.counter() == "1")
        self.wait(30).until(lambda _: len(self.notified(title)) == 1)
        n = self.notified(title)[0]
        self.assertEqual(n["summary"], f"Courtier — rappel : {title}")
        self.assertEqual(n["body"], "Le constat amiable n'est pas signé.")
        r = self.reminder(rid)
        self.assertEqual(r["firedCount"], 1)
        self.assertEqual([e["kind"] for e in r["events"]], ["fired"])
        self.close_window()

        # Started again: nothing fires a second time (the timer passed: the counter is drawn
        # from its pass; twenty-five seconds cover one more pass of the open file).
        d = self.relaunch()
        self.visible("search-input", timeout=60)
        self.wait(30).until(lambda _: self.counter() == "1")
        time.sleep(25)
        self.assertEqual(len(self.notified(title)), 1)
        self.assertEqual(self.reminder(rid)["firedCount"], 1)

        # « Ajouter un rappel » on the client record, for this very minute: it fires at once.
        d.execute_script("window.location.hash = '#/clients/' + arguments[0]", client["id"])
        card = self.visible("reminders-card")
        d.execute_script("arguments[0].scrollIntoView()", card)
        self.clickable("reminder-add-open").click()
        self.visible("reminder-title").send_keys("Envoyer le devis habitation")
        now = datetime.now()
        d.execute_script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'))",
                         self.visible("reminder-time"), now.strftime("%H:%M"))
        self.clickable("submit-reminder").click()
        self.wait(30).until(lambda _: self.counter() == "2")
        self.wait(30).until(lambda _: len(self.notified("Envoyer le devis habitation")) == 1)
        self.wait().until(lambda drv: len(drv.find_elements(By.CSS_SELECTOR, '[data-testid="reminders-card"] [data-testid="reminder-row"]')) == 2)

        # « Rappels »: both to handle; one snoozed to tomorrow 9 h, the other done.
        self.clickable("nav-reminders").click()
        rows = '[data-testid="reminders-due"] [data-testid="reminder-row"]'
        self.wait().until(lambda drv: len(drv.find_elements(By.CSS_SELECTOR, rows)) == 2)
        self.shot("reminders.png")
        first = d.find_element(By.CSS_SELECTOR, f'{rows}[data-id="{rid}"]')
        self.assertIn(title, first.text)
        self.assertIn("Paul Martin", first.text)
        first.find_element(*tid("reminder-snooze")).click()
        self.clickable("submit-snooze").click()
        self.wait().until(lambda drv: len(drv.find_elements(By.CSS_SELECTOR, f'[data-testid="reminders-upcoming"] [data-id="{rid}"]')) == 1)
        self.wait().until(lambda _: self.counter() == "1")
        other = d.find_element(By.CSS_SELECTOR, rows)
        other.find_element(*tid("reminder-done")).click()
        self.wait().until(lambda drv: len(drv.find_elements(By.CSS_SELECTOR, '[data-testid="reminders-closed"] [data-testid="reminder-row"]')) == 1)
        self.wait().until(lambda _: self.counter() == "0")
        r = self.reminder(rid)
        self.assertEqual([e["kind"] for e in r["events"]], ["fired", "snoozed"])
        tomorrow = (datetime.now() + timedelta(days=1)).strftime("%Y-%m-%dT09:00")
        self.assertEqual(r["dueAt"], tomorrow)
        self.assertEqual(json.loads(self.cli("reminders", "due", "--json")), [])
        self.shot("reminders-after.png")
        docs = os.path.join(ROOT, "docs")
        if os.path.isdir(docs):
            shutil.copy(os.path.join(ARTIFACTS, "reminders.png"), os.path.join(docs, "reminders.png"))


# The journeys of ClientJourney run in their own class, not a second time here.
for _attr in [a for a in dir(ClientJourney) if a.startswith("test_")]:
    setattr(RemindersJourney, _attr, None)
