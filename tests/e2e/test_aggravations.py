"""End-to-end: aggravating circumstances (art. A121-1-2) in the real window, in the style of
test_clients.py (whose helpers it inherits; kept apart because that file is long).

On a demo contract: a driver and a responsible claim of theirs; the claim page records alcohol;
the contract page shows the surcharge on the next premium with its end date; a suspension of the
driver linked to it is refused under two months (the message in the dialog), then recorded for
eight months: still one surcharge, the higher; withdrawn, it stays listed, marked.
    tests/e2e/run.sh AggravationJourney.test_aggravating_circumstances_on_the_claim_and_the_driver
"""

import time
from datetime import date

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from test_clients import ClientJourney, tid


class AggravationJourney(ClientJourney):
    def driver_row(self, driver_id):
        return self.driver.find_element(By.CSS_SELECTOR, f'[data-testid="driver-row"][data-id="{driver_id}"]')

    def surcharge_texts(self):
        return self.driver.execute_script(
            "return [...document.querySelectorAll('[data-testid=\"premium-surcharge\"]')].map(e => e.innerText)"
        )

    def test_aggravating_circumstances_on_the_claim_and_the_driver(self):
        d = self.new_agency()
        k = self.demo_contract()
        today = date.today().isoformat()
        person = self.invoke("driver_add", {"input": {
            "contractId": k["id"], "role": "secondaire", "lastName": "Essai", "firstName": "Paul",
            "licenceDate": "2001-09-01", "fromDate": k["subscriptionDate"]}})
        self.assertNotIn("error", person, person)
        after = self.invoke("claim_create", {"input": {
            "contractId": k["id"], "occurredOn": today, "kind": "accident", "responsibility": "full",
            "driverId": person["id"]}})
        self.assertNotIn("error", after, after)
        claim_id = max(x["id"] for x in after["claims"])

        # The claim page: alcohol, dated the claim's day by default.
        d.execute_script("window.location.hash = '#/claims/' + arguments[0]", claim_id)
        self.visible("claim-heading")
        self.clickable("claim-aggravation-open").click()
        Select(self.visible("claim-aggravation-fact")).select_by_value("alcohol")
        self.visible("claim-aggravation-note").send_keys("Procès-verbal de gendarmerie")
        self.clickable("submit-claim-aggravation").click()
        self.wait().until(lambda drv: len(drv.find_elements(*tid("aggravation-row"))) == 1)
        row = self.visible("aggravation-row").text
        self.assertIn("Alcool ou stupéfiants", row)
        self.assertIn("150 %", row)
        self.assertIn("jusqu’à l’échéance du", row)
        d.execute_script("arguments[0].scrollIntoView()", self.visible("claim-aggravations"))
        time.sleep(2.5)  # the toast fades
        self.shot("claim-aggravation.png")

        # The contract page: the surcharge on the next premium, with its end date.
        d.execute_script("window.location.hash = '#/contracts/' + arguments[0]", k["id"])
        self.visible("contract-next-premium")
        self.wait().until(lambda _: len(self.surcharge_texts()) == 1)
        s = self.surcharge_texts()[0]
        self.assertIn("150 %", s)
        self.assertIn("jusqu’à l’échéance du", s)
        self.assertIn("art. A121-1-2", d.find_element(*tid("calculation-note")).get_attribute("textContent"))

        # The driver: a suspension caused by the alcohol. Under two months it is refused, in the dialog.
        d.execute_script("arguments[0].scrollIntoView()", self.visible("contract-vehicles"))
        self.driver_row(person["id"]).find_element(*tid("driver-aggravation")).click()
        Select(self.visible("aggravation-fact")).select_by_value("suspension")
        self.set_date("aggravation-on-date", today)
        self.visible("aggravation-months").send_keys("1")
        Select(self.visible("aggravation-caused-by")).select_by_index(1)
        self.clickable("submit-aggravation").click()
        self.assertIn("moins de deux mois", self.visible("form-error").text)
        months = self.visible("aggravation-months")
        months.clear()
        months.send_keys("8")
        self.clickable("submit-aggravation").click()
        self.wait().until(lambda _: len(self.driver_row(person["id"]).find_elements(*tid("aggravation-row"))) == 1)
        # Alcohol 150 % and the suspension it caused 100 %: one surcharge, the higher.
        self.wait().until(lambda _: len(self.surcharge_texts()) == 1 and "une seule majoration" in self.surcharge_texts()[0])
        d.execute_script("arguments[0].scrollIntoView()", self.visible("contract-vehicles"))
        time.sleep(2.5)
        self.shot("contract-aggravations.png")

        # Withdrawn with its reason: listed, marked; the alcohol alone remains.
        self.driver_row(person["id"]).find_element(*tid("aggravation-withdraw")).click()
        self.visible("aggravation-withdraw-reason").send_keys("Jugement annulé")
        self.clickable("submit-aggravation-withdraw").click()
        self.wait().until(lambda _: self.driver_row(person["id"]).find_element(
            *tid("aggravation-row")).get_attribute("data-withdrawn") == "true")
        self.assertIn("Jugement annulé", self.driver_row(person["id"]).text)
        self.wait().until(lambda _: len(self.surcharge_texts()) == 1 and "une seule majoration" not in self.surcharge_texts()[0])


# The journeys of ClientJourney run in their own class, not a second time here.
for _attr in [a for a in dir(ClientJourney) if a.startswith("test_")]:
    setattr(AggravationJourney, _attr, None)
