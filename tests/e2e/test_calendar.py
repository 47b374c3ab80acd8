"""End-to-end: the renewal calendar in the real window, in the style of test_clients.py (whose
helpers it inherits).

On the demo portfolio: the sidebar's « Calendrier » opens the month view (French weekday names,
today marked), ‹ › moves a month and back, a click on an échéance lands on its contract page;
the list view of the next 90 days shows as many items as `courtier calendar --json` gives for
that period. The month view's screenshot is kept as docs/calendar-month.png.
    tests/e2e/run.sh CalendarJourney.test_month_move_open_and_list_against_the_cli
"""

import json
import os
import shutil
import subprocess
import time
from datetime import date, timedelta

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from test_clients import ARTIFACTS, ClientJourney, tid

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
CLI = os.environ.get("COURTIER_E2E_CLI", os.path.join(ROOT, "target", "debug", "courtier"))


class CalendarJourney(ClientJourney):
    def title(self):
        return self.visible("calendar-title").text

    def open_echeance(self, how):
        """Opens the first échéance of the month shown (`how` acts on its link) and returns its
        contract's id. The month's items are drawn again once the move's read answers: an item
        found just before is then gone, and is looked up again."""
        sel = '[data-testid="calendar-item"][data-kind="echeance"]'
        for _ in range(10):
            self.wait().until(lambda drv: len(drv.find_elements(By.CSS_SELECTOR, sel)) > 0)
            try:
                item = self.driver.find_element(By.CSS_SELECTOR, sel)
                contract = item.get_attribute("data-contract")
                how(item)
                return contract
            except StaleElementReferenceException:
                time.sleep(0.5)
        self.fail("the month's items kept being drawn again")

    def test_month_move_open_and_list_against_the_cli(self):
        d = self.new_agency()
        self.clickable("nav-calendar").click()
        self.visible("calendar-month", timeout=60)
        heads = [th.text for th in d.find_elements(By.CSS_SELECTOR, '[data-testid="calendar-month"] th')]
        self.assertEqual([h.lower() for h in heads], ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"])
        today = date.today().isoformat()
        cell = d.find_element(By.CSS_SELECTOR, f'[data-testid="calendar-day"][data-date="{today}"]')
        self.assertEqual(cell.get_attribute("aria-current"), "date")
        self.wait().until(lambda drv: len(drv.find_elements(*tid("calendar-item"))) > 0)
        self.shot("calendar-month.png")

        # ‹ › move a month, and back.
        first = self.title()
        self.clickable("calendar-next").click()
        self.wait().until(lambda _: self.title() != first)
        second = self.title()
        self.clickable("calendar-prev").click()
        self.wait().until(lambda _: self.title() == first)
        self.clickable("calendar-next").click()
        self.wait().until(lambda _: self.title() == second)

        # An échéance of that month, opened with the keyboard (Enter on the link).
        contract = self.open_echeance(lambda item: item.send_keys(Keys.ENTER))
        self.wait().until(lambda drv: drv.execute_script("return window.location.hash") == f"#/contracts/{contract}")
        self.visible("contract-client")

        # Back to the calendar (the month kept), then a click on an échéance.
        d.back()
        self.visible("calendar-month")
        self.assertEqual(self.title(), second)
        contract = self.open_echeance(lambda item: item.click())
        self.wait().until(lambda drv: drv.execute_script("return window.location.hash") == f"#/contracts/{contract}")
        d.back()
        self.visible("calendar-month")

        # The list: the next 90 days, as many items as the command line gives.
        self.clickable("calendar-view-list").click()
        Select(self.visible("calendar-days")).select_by_value("90")
        self.visible("calendar-list", timeout=60)
        to = (date.today() + timedelta(days=90)).isoformat()
        out = subprocess.run(
            [CLI, "--data-dir", self.data_dir, "calendar", "--from", today, "--to", to, "--json"],
            check=True, capture_output=True, text=True, timeout=120,
        )
        expected = json.loads(out.stdout)
        self.assertGreater(len(expected), 0)
        self.wait(60).until(lambda drv: len(drv.find_elements(*tid("calendar-row"))) == len(expected))
        shown = sorted(
            (r.get_attribute("data-contract"), r.get_attribute("data-kind"))
            for r in d.find_elements(*tid("calendar-row"))
        )
        self.assertEqual(shown, sorted((str(i["contractId"]), i["kind"]) for i in expected))
        self.shot("calendar-list.png")

        # The month view's screenshot for the README.
        shutil.copyfile(os.path.join(ARTIFACTS, "calendar-month.png"), os.path.join(ROOT, "docs", "calendar-month.png"))


# The journeys of ClientJourney run in their own class, not a second time here.
for _attr in [a for a in dir(ClientJourney) if a.startswith("test_")]:
    setattr(CalendarJourney, _attr, None)
