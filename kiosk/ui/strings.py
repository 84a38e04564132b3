"""The application's own interface text (content text comes from the dataset)."""

from __future__ import annotations

from kiosk.model.formatting import conventions

_TEXT = {
    "share_of_total": {"en": "{value} of Jining's total", "zh": "占济宁全市比重{value}"},
    "no_companies": {
        "en": "The sources name no leading company for this cluster.",
        "zh": "资料中未列出该产业集群的龙头企业。",
    },
    "log_scale": {"en": "Bar lengths on a logarithmic scale", "zh": "条形长度按对数刻度"},
    "by_year": {"en": "By year", "zh": "历年数据"},
    "with_note": {"en": "{value} ({note})", "zh": "{value}（{note}）"},
    "still_there": {"en": "Are you still there?", "zh": "您还在浏览吗？"},
    "returning": {"en": "Returning to the start in {seconds} s", "zh": "{seconds}秒后返回首页"},
    "continue": {"en": "Continue", "zh": "继续浏览"},
    "touch_anywhere": {"en": "Touch anywhere to keep exploring", "zh": "触摸屏幕任意位置继续浏览"},
    "staff_only": {"en": "Staff only: enter the PIN", "zh": "仅限工作人员：请输入密码"},
    "pin_wrong": {"en": "Wrong PIN ({left} tries left)", "zh": "密码错误（还可尝试{left}次）"},
    "pin_locked": {"en": "Too many wrong PINs: locked for {seconds} s", "zh": "错误次数过多：锁定{seconds}秒"},
    "exit": {"en": "Exit kiosk", "zh": "退出"},
    "cancel": {"en": "Cancel", "zh": "取消"},
    "delete": {"en": "Delete", "zh": "删除"},
    "close": {"en": "Close", "zh": "关闭"},
    "no_pin": {
        "en": "No staff PIN is set, so the kiosk cannot be exited here. On this computer, run: kiosk set-pin",
        "zh": "尚未设置工作人员密码，无法在此退出。请在本机运行：kiosk set-pin",
    },
    "touch_to_explore": {"en": "Touch to explore", "zh": "触摸开始探索"},
}


def ui_text(key: str, language: str, **values) -> str:
    entry = _TEXT[key]
    text = entry.get(language) or entry[conventions(language)]
    return text.format(**values) if values else text
