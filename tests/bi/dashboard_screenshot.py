"""Log in to Superset and open a dashboard in headless Chromium; save a screenshot and print what rendered.

Run with Superset's own Python (infra/superset/.venv ships selenium), driving Debian's chromium
through its chromedriver: no browser download. Prints one JSON object on stdout.
    python dashboard_screenshot.py BASE_URL DASHBOARD_PATH USER PASSWORD SCREENSHOT.png
"""
from __future__ import annotations

import json
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

N_CHARTS_EXPECTED = 6
# What the charts draw when they rendered: ECharts draws into a canvas, the table into table cells.
RENDERED = ".dashboard-component-chart-holder canvas, .dashboard-component-chart-holder table td"


def main(base: str, path: str, user: str, password: str, screenshot: str) -> None:
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--window-size=1600,1800", "--lang=zh-CN"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    report: dict = {}
    try:
        wait = WebDriverWait(driver, 180)
        driver.get(f"{base}/login/")
        wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "input[name='username'], #username")))
        driver.find_element(By.CSS_SELECTOR, "input[name='username'], #username").send_keys(user)
        driver.find_element(By.CSS_SELECTOR, "input[name='password'], #password").send_keys(password)
        driver.find_element(By.CSS_SELECTOR, "button[type='submit'], input[type='submit']").click()
        wait.until(lambda d: "/login" not in d.current_url)
        driver.get(f"{base}{path}")
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, ".dashboard-component-chart-holder")) >= N_CHARTS_EXPECTED)
        # Every chart holder has drawn something, or shows an error: stop waiting either way.
        def settled(d) -> bool:
            holders = d.find_elements(By.CSS_SELECTOR, ".dashboard-component-chart-holder")
            done = [h for h in holders if h.find_elements(By.CSS_SELECTOR, "canvas, table td, .ant-alert, .alert")]
            return len(done) >= N_CHARTS_EXPECTED and not d.find_elements(By.CSS_SELECTOR, ".loading")
        try:
            wait.until(settled)
        except Exception:  # the screenshot and counts below tell what went wrong
            pass
        time.sleep(2)  # ECharts animates its first draw
        driver.save_screenshot(screenshot)
        holders = driver.find_elements(By.CSS_SELECTOR, ".dashboard-component-chart-holder")
        report = {
            "url": driver.current_url,
            "title": driver.title,
            "chart_holders": len(holders),
            "rendered_charts": sum(bool(h.find_elements(By.CSS_SELECTOR, "canvas, table td")) for h in holders),
            "errors": [e.text for e in driver.find_elements(By.CSS_SELECTOR, ".ant-alert-error, .alert-danger, .ant-alert-warning")],
            "text": driver.find_element(By.TAG_NAME, "body").text[:4000],
        }
    finally:
        driver.quit()
    print(json.dumps(report, ensure_ascii=False))


if __name__ == "__main__":
    main(*sys.argv[1:6])
