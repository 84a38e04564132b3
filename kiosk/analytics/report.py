"""`kiosk stats --report FILE.html`: one self-contained page a manager opens in a browser.

Charts are drawn with pyqtgraph in the kiosk's own theme and embedded as PNG (pyqtgraph's
ImageExporter), so the page needs no network, no scripts and no other files.
"""

from __future__ import annotations

import base64
import html
import os

from kiosk.analytics.stats import Summary, duration, tables

CHART_SIZE = (900, 320)


def write_report(summary: Summary, path, names: dict[str, str] | None = None) -> None:
    charts = charts_of(summary, names or {})
    path.write_text(_page(summary, charts, names), encoding="utf-8")


def charts_of(summary: Summary, names: dict[str, str]) -> list[tuple[str, bytes]]:
    """(title, PNG) for each chart that has something to show."""
    app = _offscreen_app()
    top_figures = summary.figures[:10]
    specs = [
        ("Sessions per day", [day.strftime("%m-%d") for day, _ in summary.per_day], [n for _, n in summary.per_day]),
        ("Sessions by hour started", [f"{h:02d}" for h, _ in summary.per_hour], [n for _, n in summary.per_hour]),
        ("Visits per view", [names.get(u.view, u.view) for u in summary.views], [u.visits for u in summary.views]),
        ("Median dwell per view (s)", [names.get(u.view, u.view) for u in summary.views],
         [round(u.median_dwell_seconds, 1) for u in summary.views]),
        ("Sessions by language", [language for language, _ in summary.languages], [n for _, n in summary.languages]),
        ("Most tapped figures", [names.get(k, k) for k, _ in top_figures], [n for _, n in top_figures]),
    ]
    # Time runs along the bottom; named things (views, figures) get rows, so long names fit.
    from kiosk.theme import Theme

    theme = Theme()
    charts = [(title, _bar_chart(app, theme, labels, values, across=title.startswith("Sessions")))
              for title, labels, values in specs if any(values)]
    return charts


def _offscreen_app():
    """A Qt application for drawing only: no window is shown, so no display is needed."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from kiosk.theme import Theme
        from kiosk.ui.app import create_app

        app = create_app(["kiosk-stats"], Theme())
    return app


def _bar_chart(app, theme, labels: list[str], values: list[float], across: bool = True) -> bytes:
    import pyqtgraph as pg
    import pyqtgraph.exporters  # noqa: F401 (registers ImageExporter)
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QFont

    font = QFont(app.font())
    font.setPixelSize(14)
    widget = pg.PlotWidget(background=theme.surface)
    widget.resize(*CHART_SIZE)
    plot = widget.getPlotItem()
    plot.setMenuEnabled(False)
    plot.hideButtons()
    places = list(range(len(values)))
    if across:
        bars = pg.BarGraphItem(x=places, height=values, width=0.7, brush=theme.accent, pen=None)
    else:
        bars = pg.BarGraphItem(x0=0, y=places, width=values, height=0.7, brush=theme.accent, pen=None)
        plot.invertY(True)
    plot.addItem(bars)
    step = max(1, len(labels) // 16)  # long axes (a year of days) show every n-th label
    names = plot.getAxis("bottom" if across else "left")
    names.setTicks([[(i, text) for i, text in enumerate(labels) if i % step == 0], []])
    for axis in (plot.getAxis("bottom"), plot.getAxis("left")):
        axis.setTextPen(theme.text)
        axis.setPen(theme.text_muted)
        axis.setStyle(tickFont=font, tickTextOffset=6)
    top = max(values) or 1
    if len(values) <= 31:  # few bars: each says its number
        for place, value in zip(places, values):
            if value:
                text = pg.TextItem(f"{value:g}", color=theme.text, anchor=(0.5, 1.0) if across else (0.0, 0.5))
                text.setFont(font)
                text.setPos(*((place, value) if across else (value, place)))
                plot.addItem(text)
    plot.setRange(xRange=(-0.6, len(values) - 0.4) if across else (0, top * 1.15),
                  yRange=(0, top * 1.15) if across else (-0.6, len(values) - 0.4), padding=0)
    widget.show()  # offscreen: lets the axes size themselves to their labels
    for _ in range(3):
        app.processEvents()
    image = pg.exporters.ImageExporter(plot).export(toBytes=True)
    widget.close()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    widget.deleteLater()
    return bytes(data)


def _page(summary: Summary, charts: list[tuple[str, bytes]], names: dict[str, str] | None) -> str:
    e = html.escape
    return page("Kiosk visitors", [f"<h1>Kiosk visitors, {e(str(summary.since))} to {e(str(summary.until))}</h1>",
                                    *section(summary, charts, names)])


def section(summary: Summary, charts: list[tuple[str, bytes]], names: dict[str, str] | None,
            heading: int = 2) -> list[str]:
    """The summary's lead line, charts and tables, as HTML parts (its tables' headings at `heading`)."""
    e = html.escape
    parts = [f"<p class=lead>{summary.sessions} sessions; median length {e(duration(summary.median_session_seconds))}"
             f"; {summary.crashes} crash(es). Anonymous: no personal data, no touch positions.</p>"]
    for title, png in charts:
        data = base64.b64encode(png).decode("ascii")
        parts.append(f"<figure><img alt='{e(title)}' src='data:image/png;base64,{data}'>"
                     f"<figcaption>{e(title)}</figcaption></figure>")
    for title, (header, rows) in tables(summary, names).items():
        parts.append(table_html(title.replace("_", " "), header, rows, heading))
    return parts


def table_html(title: str, header: list, rows: list[list], heading: int = 2) -> str:
    e = html.escape
    head = "".join(f"<th>{e(str(c))}</th>" for c in header)
    body = "".join("<tr>" + "".join(f"<td>{e(str(c))}</td>" for c in row) + "</tr>" for row in rows)
    return f"<h{heading}>{e(title)}</h{heading}><table><tr>{head}</tr>{body}</table>"


def page(title: str, parts: list[str]) -> str:
    """A whole self-contained page of the given parts."""
    return (
        f"<!doctype html><html lang=en><meta charset=utf-8><title>{html.escape(title)}</title>"
        "<style>body{font-family:sans-serif;max-width:960px;margin:2em auto;color:#1d2733}"
        "table{border-collapse:collapse;margin-bottom:1.5em}td,th{border:1px solid #ccd;padding:4px 10px;"
        "text-align:left}th{background:#eef}figure{margin:1.5em 0}img{max-width:100%;border:1px solid #ccd}"
        "figcaption{font-weight:bold}.lead{font-size:1.2em}</style>" + "".join(parts) + "</html>")
