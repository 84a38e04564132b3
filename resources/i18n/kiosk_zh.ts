<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Kiosk</name>
    <message>
        <source>EN</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>Show the kiosk in this language</source>
        <translation>以此语言显示</translation>
    </message>
    <message>
        <source>Source: {outlet}, {date}</source>
        <translation>来源：{outlet}，{date}</translation>
    </message>
    <message>
        <source>Data for {year}</source>
        <translation>{year}年数据</translation>
    </message>
    <message>
        <source>{value} of Jining&apos;s total</source>
        <translation>占济宁全市比重{value}</translation>
    </message>
    <message>
        <source>The sources name no leading company for this cluster.</source>
        <translation>资料中未列出该产业集群的龙头企业。</translation>
    </message>
    <message>
        <source>Bar lengths on a logarithmic scale</source>
        <translation>条形长度按对数刻度</translation>
    </message>
    <message>
        <source>{value} ({note})</source>
        <translation>{value}（{note}）</translation>
    </message>
    <message>
        <source>{label}: {value}</source>
        <translation>{label}：{value}</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>字号</translation>
    </message>
    <message>
        <source>Makes the text larger, up to one and a half times, then normal again</source>
        <translation>放大文字，最大一倍半，再按恢复正常</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>高对比度</translation>
    </message>
    <message>
        <source>Switches between white-on-black and normal colours</source>
        <translation>在黑底白字与正常配色之间切换</translation>
    </message>
    <message>
        <source>Shows this part of the kiosk</source>
        <translation>显示这一部分内容</translation>
    </message>
    <message>
        <source>Shows where these figures come from, with a QR code</source>
        <translation>显示这些数据的来源及二维码</translation>
    </message>
    <message>
        <source>Stays on this page</source>
        <translation>继续停留在本页</translation>
    </message>
    <message>
        <source>Closes this panel</source>
        <translation>关闭此面板</translation>
    </message>
    <message>
        <source>Closes the kiosk program</source>
        <translation>关闭导览程序</translation>
    </message>
    <message>
        <source>Types this digit of the PIN</source>
        <translation>输入此位密码数字</translation>
    </message>
    <message>
        <source>Removes the last digit</source>
        <translation>删除最后一位数字</translation>
    </message>
    <message>
        <source>Checks the PIN</source>
        <translation>验证密码</translation>
    </message>
    <message>
        <source>Where these figures come from</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <source>As stated in the source:</source>
        <translation>原文表述：</translation>
    </message>
    <message>
        <source>Are you still there?</source>
        <translation>您还在浏览吗？</translation>
    </message>
    <message>
        <source>Returning to the start in {seconds} s</source>
        <translation>{seconds}秒后返回首页</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续浏览</translation>
    </message>
    <message>
        <source>Touch anywhere to keep exploring</source>
        <translation>触摸屏幕任意位置继续浏览</translation>
    </message>
    <message>
        <source>Touch to explore</source>
        <translation>触摸开始探索</translation>
    </message>
    <message>
        <source>Staff only: enter the PIN</source>
        <translation>仅限工作人员：请输入密码</translation>
    </message>
    <message>
        <source>Wrong PIN ({left} tries left)</source>
        <translation>密码错误（还可尝试{left}次）</translation>
    </message>
    <message>
        <source>Wrong PIN ({left} try left)</source>
        <translation>密码错误（还可尝试{left}次）</translation>
    </message>
    <message>
        <source>Too many wrong PINs: locked for {seconds} s</source>
        <translation>错误次数过多：锁定{seconds}秒</translation>
    </message>
    <message>
        <source>Exit kiosk</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>Data shown: {path} ({origin})</source>
        <translation>当前数据：{path}（{origin}）</translation>
    </message>
    <message>
        <source>Loaded at {time}</source>
        <translation>载入时间：{time}</translation>
    </message>
    <message>
        <source>No data file has been rejected.</source>
        <translation>没有被拒绝的数据文件。</translation>
    </message>
    <message>
        <source>Rejected: {path} at {time}, {count} problem(s):</source>
        <translation>已拒绝：{path}（{time}），共{count}个问题：</translation>
    </message>
    <message>
        <source>… and {count} more (run: kiosk validate FILE)</source>
        <translation>……另有{count}个（请运行：kiosk validate 文件）</translation>
    </message>
    <message>
        <source>the operator&apos;s file</source>
        <translation>运营方数据文件</translation>
    </message>
    <message>
        <source>last good copy of the operator&apos;s file</source>
        <translation>运营方数据文件的上一个有效副本</translation>
    </message>
    <message>
        <source>bundled with the kiosk</source>
        <translation>随附的内置数据</translation>
    </message>
    <message>
        <source>Today: {summary}</source>
        <translation>今天：{summary}</translation>
    </message>
    <message>
        <source>Last 7 days: {summary}</source>
        <translation>最近 7 天：{summary}</translation>
    </message>
    <message>
        <source>visits {sessions}, median length {length}; most viewed: {view}; languages: {languages}; crashes {crashes}</source>
        <translation>访问 {sessions} 次，时长中位数 {length}；最常浏览：{view}；语言：{languages}；崩溃 {crashes} 次</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} 分 {seconds} 秒</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} 秒</translation>
    </message>
    <message>
        <source>Visitor analytics are off (analytics = false in the configuration).</source>
        <translation>访客统计已关闭（配置中 analytics = false）。</translation>
    </message>
    <message>
        <source>Visitor analytics cannot be read: {error}</source>
        <translation>无法读取访客统计：{error}</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Staff access has not been set up on this kiosk yet.</source>
        <translation>本机尚未设置工作人员入口。</translation>
    </message>
</context>
</TS>
