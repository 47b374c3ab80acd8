"""End-to-end layout checks of the real window, at 1024×700, at 1280×800 and at its smallest size,
900×600 (`LayoutAtSize`), and at 200 % zoom in 1280×800 and 1920×1080 windows (`ZoomAt200`), from
the page's own geometry: no horizontal scroll bar, the client table inside its card, the sidebar
folding to its icons, a long dialog's actions in sight, a premium line's « × » beside its amount;
and the words the contract page now gives (the client's name, the échéance of the next premium,
the years under the chart, the claim being requalified, a new claim's defaults).
Each writes its screenshots to the artifacts (the README's docs/*.png come from them).

Run with the other end-to-end tests (tests/e2e/run.sh, which runs test_clients.py, which loads
this module): `tests/e2e/run.sh LayoutAtSize.test_client_list_fits_1024x700`.
"""

import os
import time

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support.ui import Select

from test_clients import SIZES, ClientJourney, FormsAtSize
from xclose import ask_to_close, windows_of

# The page's geometry: the document and the client table's card, and how far the table reaches.
GEOMETRY = """
const de = document.documentElement;
const table = document.querySelector('[data-testid="client-table"]');
const wrap = table && table.closest('.table-wrap');
const sidebar = document.querySelector('.sidebar');
return {
  docScroll: de.scrollWidth, docClient: de.clientWidth,
  wrapScroll: wrap ? wrap.scrollWidth : -1, wrapClient: wrap ? wrap.clientWidth : -1,
  tableRight: table ? table.getBoundingClientRect().right : -1,
  wrapRight: wrap ? wrap.getBoundingClientRect().right : -1,
  sidebar: sidebar ? sidebar.getBoundingClientRect().width : -1,
  twoLineNames: [...document.querySelectorAll('[data-testid="client-row"] .client-name')]
    .filter((n) => n.getClientRects().length > 1 || n.getBoundingClientRect().height > 30).length,
};
"""


class LayoutAtSize(FormsAtSize):
    """The layout at each size of SIZES: one test method per check and size."""

    def demo_agency(self, size):
        self.launch()
        self.visible("recovery-key", timeout=40)
        self.resize(size)
        self.acknowledge_recovery_key()
        self.clickable("demo-load").click()
        self.wait(120).until(lambda drv: len(drv.find_elements("css selector", '[data-testid="client-row"]')) > 0)

    def geometry(self):
        return self.driver.execute_script(GEOMETRY)

    def assert_fits(self, g, where):
        self.assertLessEqual(g["docScroll"], g["docClient"], f"{where}: the page scrolls sideways {g}")
        self.assertLessEqual(g["wrapScroll"], g["wrapClient"], f"{where}: the client table is wider than its card {g}")
        self.assertLessEqual(g["tableRight"], g["wrapRight"] + 0.5, f"{where}: {g}")

    def check_client_list_fits(self, size):
        w, h = size
        self.demo_agency(size)
        g = self.geometry()
        self.assert_fits(g, f"{w}×{h}")
        self.assertEqual(g["twoLineNames"], 0, f"names on two lines at {w}×{h}: {g}")
        # Below 1200 px the sidebar is folded to its icons by itself; it unfolds on demand and the
        # table still fits.
        if w < 1200:
            self.assertLess(g["sidebar"], 80, g)
        self.shot(f"client-list-{w}x{h}.png")
        self.clickable("sidebar-toggle").click()
        time.sleep(0.3)
        unfolded = self.geometry()
        self.assertNotEqual(unfolded["sidebar"], g["sidebar"], "the toggle folds or unfolds the sidebar")
        self.assert_fits(unfolded, f"{w}×{h}, sidebar toggled")
        self.shot(f"client-list-{w}x{h}-toggled.png")
        # Back as it was (the choice lasts for the window's life).
        self.clickable("sidebar-toggle").click()

    def check_contract_page_words_and_layout(self, size):
        w, h = size
        self.demo_agency(size)
        k = self.demo_contract()
        d = self.driver
        d.execute_script("window.location.hash = '#/contracts/' + arguments[0]", k["id"])
        self.visible("contract-coefficient")
        # The client named in the header and its back link; the premium names its échéance.
        self.assertIn(k["clientName"], self.visible("contract-client").text)
        self.assertIn(k["clientName"], self.visible("contract-back-client").text)
        nxt = k["projection"]["nextEcheance"]
        fr = f"{nxt[8:10]}/{nxt[5:7]}/{nxt[0:4]}"
        self.assertIn(fr, self.visible("premium-echeance").text)
        # The chart has its years.
        years = d.execute_script("return [...document.querySelectorAll('.coef-year')].map(e => e.textContent)")
        if k["coefficientHistory"]:
            self.assertIn(k["coefficientHistory"][-1]["echeance"][:4], years)
        self.assertLessEqual(*d.execute_script(
            "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]"))
        self.shot(f"contract-{w}x{h}.png")

        # « Déclarer un sinistre »: today as the declaration date; the only vehicle and driver.
        self.clickable("declare-claim").click()
        declared = self.visible("claim-declared-on")
        self.assertTrue(self.shown("claim-declared-on"))
        self.assertTrue(declared.get_attribute("value"))
        current_vehicles = [v for v in k["vehicles"] if not v["toDate"]]
        if len(current_vehicles) == 1:
            self.assertEqual(Select(self.visible("claim-vehicle")).first_selected_option.get_attribute("value"),
                             str(current_vehicles[0]["id"]))
        # The dialog's actions are in sight, inside the window.
        self.assert_actions_in_sight("submit-claim")
        self.shot(f"declare-claim-{w}x{h}.png")
        self.clickable("dialog-cancel").click()

        # « Requalifier » says which claim, and its qualification in force.
        if k["claims"]:
            newest = k["claims"][-1]
            self.wait(5).until(lambda drv: not drv.find_elements("css selector", "dialog[open]"))
            self.clickable("requalify-claim").click()
            which = self.visible("requalify-which").text
            occurred = newest["occurredOn"]
            self.assertIn(f"{occurred[8:10]}/{occurred[5:7]}/{occurred[0:4]}", which)
            self.assertIn("qualification actuelle", which)
            self.shot(f"requalify-{w}x{h}.png")
            self.clickable("dialog-cancel").click()

    def assert_actions_in_sight(self, submit):
        top, bottom, inner = self.driver.execute_script(
            "const b = document.querySelector(`[data-testid=\"${arguments[0]}\"]`).getBoundingClientRect();"
            "return [b.top, b.bottom, window.innerHeight];", submit)
        self.assertGreaterEqual(top, 0)
        self.assertLessEqual(bottom, inner, f"{submit} below the window: {bottom} > {inner}")

    def check_new_contract_dialog(self, size):
        w, h = size
        self.demo_agency(size)
        k = self.demo_contract()
        d = self.driver
        d.execute_script("window.location.hash = '#/clients/' + arguments[0]", k["clientId"])
        self.visible("contract-row")
        self.clickable("new-contract").click()
        # Its start coefficient suggested from the client's other contracts, with the reason.
        reason = self.visible("contract-start-reason")
        self.assertTrue(reason.text.strip())
        self.assertIn(reason.get_attribute("data-source"), ("contract", "none"))
        # « Enregistrer le contrat » in sight at once, and the premium line's « × » beside its amount.
        self.assert_actions_in_sight("submit-contract")
        amount, remove = d.execute_script(
            "const a = document.querySelector('[data-testid=\"premium-amount\"]').getBoundingClientRect();"
            "const r = document.querySelector('[data-testid=\"remove-premium\"]').getBoundingClientRect();"
            "return [[a.top, a.bottom, a.right], [r.top, r.bottom, r.left]];")
        self.assertLess(remove[0], amount[1], f"the « × » is not on the amount's line: {amount} {remove}")
        self.assertGreaterEqual(remove[2], amount[2])
        self.shot(f"new-contract-{w}x{h}.png")


class WindowClose(FormsAtSize):
    """Closing the window itself (its close button: WM_DELETE_WINDOW, see xclose.py)."""

    def click_closing(self, element):
        """Clicks a button that closes the window: the click's answer may never come back from
        a window already gone, which is what the test waits for next."""
        try:
            element.click()
        except WebDriverException:
            pass

    def test_closing_with_a_modified_form_asks_first(self):
        self.open_agency((1024, 700))
        self.new_client_form(last="Fermeture")
        pid = self.app_pid()
        ask_to_close(windows_of(pid))
        self.visible("close-dialog")
        self.shot("close-asks.png")
        # « Continuer la saisie »: the window stays, with what was typed.
        self.clickable("confirm-cancel").click()
        self.wait(5).until(lambda drv: not drv.find_elements("css selector", "dialog[open]"))
        self.assertEqual(self.visible("field-lastName").get_attribute("value"), "Fermeture")
        self.assertTrue(os.path.exists(f"/proc/{pid}"))
        # Asked again and confirmed: the window closes.
        ask_to_close(windows_of(pid))
        self.click_closing(self.clickable("confirm-ok"))
        self.assertTrue(self.gone(pid), "the window did not close once confirmed")
        self.forget_session()

    def test_closing_with_nothing_typed_does_not_ask(self):
        self.open_agency((1024, 700))
        pid = self.app_pid()
        ask_to_close(windows_of(pid))
        self.assertTrue(self.gone(pid), "the window did not close")
        self.forget_session()

    def test_closing_with_something_typed_in_a_dialog_asks_first(self):
        self.open_agency((1024, 700))
        self.client_with_record()
        self.clickable("new-contract").click()
        self.visible("contract-number").send_keys("EN-COURS-1")
        pid = self.app_pid()
        ask_to_close(windows_of(pid))
        self.visible("close-dialog")
        self.clickable("confirm-cancel").click()
        self.assertEqual(self.visible("contract-number").get_attribute("value"), "EN-COURS-1")
        self.assertTrue(os.path.exists(f"/proc/{pid}"))


# What the page's own geometry says at a zoom: the window's CSS width, the document's sideways
# scroll, and every visible element that reaches past the window's right edge without being
# inside a box that scrolls sideways on its own (a wide table in its .table-wrap) or clipped by
# one that ends inside the window.
ZOOMED = """
const de = document.documentElement;
const W = de.clientWidth;
// Inside a box that scrolls sideways on its own, or clipped by a box that ends inside the window
// (a chip's line cut with « … », its whole text in its tooltip): not past the window's edge.
const scrolls = (el) => {
  for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
    const o = getComputedStyle(p).overflowX;
    if ((o === 'auto' || o === 'scroll') && p.scrollWidth > p.clientWidth) return true;
    if ((o === 'hidden' || o === 'clip') && p.getBoundingClientRect().right <= W + 1) return true;
  }
  return false;
};
const out = [];
for (const el of document.querySelectorAll('.content *, dialog[open] *')) {
  const r = el.getBoundingClientRect();
  if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
  if (r.right > W + 1 && !scrolls(el)) out.push(`${el.tagName.toLowerCase()}.${el.className}`.slice(0, 80) + ` right=${Math.round(r.right)}`);
}
return {
  zoom: de.dataset.zoom, innerWidth: window.innerWidth, clientWidth: W,
  docScroll: de.scrollWidth, bodyScroll: document.body.scrollWidth, overflowing: out.slice(0, 8),
};
"""

# The calendar's month chips: how many show their client's whole name (on its two lines at most,
# nothing clamped or cut sideways), of how many.
CHIP_NAMES = """
const names = [...document.querySelectorAll('[data-testid="calendar-month"] .cal-chip-who')];
const whole = names.filter((n) => n.scrollHeight <= n.clientHeight + 1 && n.scrollWidth <= n.clientWidth + 1
  && n.getClientRects().length > 0 && n.clientHeight > 0);
return { whole: whole.length, all: names.length,
  titled: [...document.querySelectorAll('[data-testid="calendar-month"] .cal-chip')].every((c) => c.title.includes(c.querySelector('.cal-chip-who').textContent)) };
"""

# Sizes of the window (in screen pixels) checked at 200 %: a 1280×800 window then lays out in
# 640×400 CSS pixels, a 1920×1080 one in 960×540.
ZOOM_SIZES = [(1280, 800), (1920, 1080)]


class ZoomAt200(LayoutAtSize):
    """The pages and dialogs at 200 % zoom (Ctrl + « + » five times, as a broker does), from the
    page's own geometry: nothing reaches past the window, the page never scrolls sideways, the
    dialogs' actions are in sight; the level is kept at the next start."""

    def zoom_to(self, level, key="+"):
        from selenium.webdriver.common.action_chains import ActionChains
        from selenium.webdriver.common.keys import Keys
        d = self.driver
        now = lambda: d.execute_script("return document.documentElement.dataset.zoom")  # noqa: E731
        for _ in range(12):
            before = now()
            if before == str(level):
                return
            ActionChains(d).key_down(Keys.CONTROL).send_keys(key).key_up(Keys.CONTROL).perform()
            # One step at a time: on a loaded machine the level follows a key press late, and
            # pressing again before it did overshoots.
            end = time.time() + 5
            while now() == before and time.time() < end:
                time.sleep(0.1)
        self.fail(f"zoom not at {level}: {d.execute_script('return document.documentElement.dataset.zoom')}")

    def assert_zoomed_fits(self, where):
        g = self.driver.execute_script(ZOOMED)
        self.assertLessEqual(g["docScroll"], g["clientWidth"], f"{where}: the page scrolls sideways {g}")
        self.assertLessEqual(g["bodyScroll"], g["clientWidth"], f"{where}: {g}")
        self.assertEqual(g["overflowing"], [], f"{where}: cut at the right edge {g}")
        return g

    def press(self, name):
        """A click at 200 %: WebKitWebDriver's own click misplaces the point under WebKit's zoom
        (« element not interactable »), so the element is brought into view and clicked from the page."""
        el = self.visible(name)
        self.driver.execute_script("arguments[0].scrollIntoView({ block: 'center' }); arguments[0].click();", el)

    def settle(self, name):
        self.visible(name, timeout=60)
        time.sleep(0.4)

    def month_chips(self, where):
        """The month grid in view; most chips show the client's whole name, all say it in their
        tooltip."""
        d = self.driver
        d.execute_script("window.location.hash = '#/calendar'")
        self.settle("calendar-month")
        self.wait(60).until(lambda drv: drv.find_elements("css selector", '[data-testid="calendar-item"]'))
        d.execute_script("document.querySelector('[data-testid=\"calendar-month\"]').scrollIntoView({ block: 'start' })")
        time.sleep(0.3)
        c = d.execute_script(CHIP_NAMES)
        self.assertTrue(c["titled"], f"{where}: a chip's tooltip lacks its client's name")
        self.assertGreaterEqual(c["whole"], 0.9 * c["all"], f"{where}: names cut in the month's chips {c}")
        return c

    def check_zoom_200(self, size):
        w, h = size
        self.demo_agency(size)
        d = self.driver
        # At 100 % first: the month's chips give the client's name.
        self.month_chips(f"calendar at 100 % in {w}×{h}")
        self.shot(f"calendar-chips-{w}x{h}.png")
        self.zoom_to("2")
        # WebKit's own zoom: the page lays out in half the window's pixels.
        self.wait(5).until(lambda drv: abs(drv.execute_script("return window.innerWidth") - w / 2) <= 2)
        k = self.demo_contract()
        pages = [
            ("clients", "#/clients", "client-row"),
            ("client", f"#/clients/{k['clientId']}", "record-name"),
            ("contract", f"#/contracts/{k['id']}", "contract-coefficient"),
            ("calendar", "#/calendar", "calendar-month"),
            ("settings", "#/settings", "settings-insurers"),
        ]
        claim = next(iter(k.get("claims") or []), None)
        if claim:
            pages.append(("claim", f"#/claims/{claim['id']}", "claim-heading"))
        for name, hash_, ready in pages:
            d.execute_script("window.location.hash = arguments[0]", hash_)
            self.settle(ready)
            self.assert_zoomed_fits(f"{name} at 200 % in {w}×{h}")
            self.shot(f"zoom200-{name}-{w}x{h}.png")
        self.month_chips(f"calendar at 200 % in {w}×{h}")
        self.assert_zoomed_fits(f"calendar's month at 200 % in {w}×{h}")
        self.shot(f"zoom200-calendar-month-{w}x{h}.png")

        # The dialogs: their actions in sight, nothing cut.
        d.execute_script("window.location.hash = arguments[0]", f"#/clients/{k['clientId']}")
        self.settle("record-name")
        for opener, submit in (("new-contract", "submit-contract"), ("client-exchange-open", "submit-client-exchange")):
            self.press(opener)
            self.visible(submit)
            time.sleep(0.4)
            self.assert_zoomed_fits(f"{opener} at 200 % in {w}×{h}")
            self.assert_actions_in_sight(submit)
            self.shot(f"zoom200-{opener}-{w}x{h}.png")
            self.press("dialog-cancel")
            self.wait(5).until(lambda drv: not drv.find_elements("css selector", "dialog[open]"))
        d.execute_script("window.location.hash = arguments[0]", f"#/contracts/{k['id']}")
        self.settle("contract-coefficient")
        self.press("declare-claim")
        self.visible("submit-claim")
        time.sleep(0.4)
        self.assert_zoomed_fits(f"declare-claim at 200 % in {w}×{h}")
        self.assert_actions_in_sight("submit-claim")
        self.shot(f"zoom200-declare-claim-{w}x{h}.png")
        self.press("dialog-cancel")

        # The level is kept: the next start is at 200 % too; Ctrl + 0 goes back to 100 %.
        self.relaunch()
        self.wait(40).until(lambda drv: drv.execute_script("return document.documentElement.dataset.zoom") == "2")
        iw2, ow = self.driver.execute_script("return [window.innerWidth, window.outerWidth]")
        self.assertLessEqual(abs(iw2 * 2 - ow), 4, f"not at 200 % after a restart: {iw2} in {ow}")
        self.zoom_to("1", key="0")
        self.assertEqual(self.driver.execute_script("return window.innerWidth"), self.driver.execute_script("return window.outerWidth"))


# The window's smallest size (tauri.conf.json: 900×600): what a 1800×1200 screen at 200 % gives.
# The page's own zoom (Ctrl + « + », ui/js/zoom.js) is checked by ZoomAt200 above.
SMALLEST = (900, 600)


def _per_size(name, check, sizes=SIZES):
    for w, h in sizes:
        def test(self, check=check, size=(w, h)):
            getattr(self, check)(size)
        test.__name__ = f"test_{name}_{w}x{h}"
        setattr(LayoutAtSize, test.__name__, test)


for _name in ("client_list_fits", "contract_page_words_and_layout", "new_contract_dialog"):
    _per_size(_name, f"check_{_name}", SIZES + [SMALLEST])

for _w, _h in ZOOM_SIZES:
    def _zoom_test(self, size=(_w, _h)):
        self.check_zoom_200(size)
    _zoom_test.__name__ = f"test_zoom_200_{_w}x{_h}"
    setattr(ZoomAt200, _zoom_test.__name__, _zoom_test)

# The tests of ClientJourney, FormsAtSize and LayoutAtSize are not run a second time here.
for _attr in [a for a in dir(LayoutAtSize) if a.startswith("test_")]:
    setattr(ZoomAt200, _attr, None)
for _attr in [a for a in dir(FormsAtSize) if a.startswith("test_")]:
    setattr(LayoutAtSize, _attr, None)
    setattr(WindowClose, _attr, None)
assert ClientJourney  # imported for its helpers, through FormsAtSize

