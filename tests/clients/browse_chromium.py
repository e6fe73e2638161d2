"""Browses a running `hearsay serve` in headless Chromium, as a reader would.

Usage: python3 tests/clients/browse_chromium.py URL NAME CITED [SCREENSHOTS_DIR]
Opens the page at URL, searches NAME, opens the entity, finds in the citation diagram (SVG) the
edge from NAME to CITED, opens the claim at the end of that chain and checks that the article
shows it highlighted. Exits 0 when every step worked, 1 when one failed, and 3 (printing why)
when Chromium or Playwright is not installed, so that the caller can skip.
"""
import os
import shutil
import sys

try:
    from playwright.sync_api import sync_playwright
except ImportError:
    print("skipped: Playwright is not installed (pip install playwright)")
    sys.exit(3)

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None:
    print("skipped: Chromium is not installed (apt-get install chromium)")
    sys.exit(3)

url, name, cited = sys.argv[1], sys.argv[2], sys.argv[3]
shots = sys.argv[4] if len(sys.argv) > 4 else None


def shot(page, file):
    if shots:
        os.makedirs(shots, exist_ok=True)
        page.screenshot(path=os.path.join(shots, file), full_page=False)


def check(condition, message):
    if not condition:
        print("FAILED:", message)
        sys.exit(1)


with sync_playwright() as p:
    browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    page.fill("#q", name)
    shot(page, "1-search.png")
    page.press("#q", "Enter")
    page.wait_for_url("**/search?q=*")
    link = page.locator("a.entity", has_text=name).first
    check(link.count() == 1, f"no entity named {name} among the results")
    link.click()
    page.wait_for_url("**/entity?iri=*")
    check(name in page.locator("h1").inner_text(), "the entity page is titled with its name")
    page.wait_for_selector(".diagram[data-loaded=true] svg", timeout=30000)
    # Map the SVG's node ids (n0, n1, ...) to their labels, then find the edge NAME -> CITED.
    nodes = page.eval_on_selector_all(
        ".diagram svg g.node",
        "els => els.map(e => [e.querySelector('title').textContent, Array.from(e.querySelectorAll('text')).map(t => t.textContent).join(' ').trim()])",
    )
    source = next((n for n, l in nodes if l == name), None)
    target = next((n for n, l in nodes if l == cited), None)
    check(source and target, f"the diagram has no nodes for {name} and {cited}: {nodes}")
    edges = page.eval_on_selector_all(".diagram svg g.edge title", "els => els.map(e => e.textContent)")
    check(f"{source}->{target}" in edges, f"no edge {name} -> {cited} in the diagram: {edges}")
    print(f"edge in the SVG: {name} ({source}) -> {cited} ({target})")
    page.locator(f".diagram svg g.edge:has(title:text-is('{source}->{target}'))").scroll_into_view_if_needed()
    shot(page, "2-entity-diagram.png")
    # The claim CITED made at the end of the chain: the node that CITED's outgoing edge reaches.
    claim = next((e.split("->")[1] for e in edges if e.startswith(f"{target}->")), None)
    check(claim is not None, f"{cited} says nothing in the diagram")
    page.locator(f".diagram svg g.node:has(title:text-is('{claim}')) a").first.click()
    page.wait_for_url("**/article?iri=*")
    highlighted = page.locator(".claim.target")
    check(highlighted.count() > 0, "the article shows no highlighted claim")
    text = " ".join(highlighted.all_inner_texts())
    print("highlighted claim:", text[:160])
    check(page.locator(".claim.target a.mention, .claim.target.mention, a.mention").count() > 0, "mentions are marked")
    shot(page, "3-article-claim.png")
    check(not errors, f"JavaScript errors: {errors}")
    browser.close()
print("browse checks passed")
