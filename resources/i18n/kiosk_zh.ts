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
        <source>Picture: {credit} · {licence}</source>
        <translation>图片：{credit} · {licence}</translation>
    </message>
    <message>
        <source>Approval number: {number}</source>
        <translation>审图号：{number}</translation>
    </message>
    <message>
        <source>Shows the previous picture</source>
        <translation>显示上一张图片</translation>
    </message>
    <message>
        <source>Shows the next picture</source>
        <translation>显示下一张图片</translation>
    </message>
    <message>
        <source>Picture {number} of {count}</source>
        <translation>第{number}张，共{count}张</translation>
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
        <source>No visits recorded yet.</source>
        <translation>尚无访问记录。</translation>
    </message>
    <message>
        <source>Restart kiosk</source>
        <translation>重新启动</translation>
    </message>
    <message>
        <source>Closes the kiosk program and starts it again</source>
        <translation>关闭导览程序并重新启动</translation>
    </message>
    <message>
        <source>Self-test</source>
        <translation>自检</translation>
    </message>
    <message>
        <source>Shows the display&apos;s details and checks the kiosk PC</source>
        <translation>显示屏幕信息并检查导览电脑</translation>
    </message>
    <message>
        <source>Screen: {name}</source>
        <translation>屏幕：{name}</translation>
    </message>
    <message>
        <source>Size: {width} x {height} pixels ({device_width} x {device_height} device pixels)</source>
        <translation>尺寸：{width} x {height} 像素（{device_width} x {device_height} 设备像素）</translation>
    </message>
    <message>
        <source>Logical DPI: {dpi}</source>
        <translation>逻辑 DPI：{dpi}</translation>
    </message>
    <message>
        <source>Physical size: {width} x {height} mm</source>
        <translation>物理尺寸：{width} x {height} 毫米</translation>
    </message>
    <message>
        <source>Device pixel ratio: {ratio}</source>
        <translation>设备像素比：{ratio}</translation>
    </message>
    <message>
        <source>Orientation: {orientation}</source>
        <translation>方向：{orientation}</translation>
    </message>
    <message>
        <source>Refresh rate: {hz} Hz</source>
        <translation>刷新率：{hz} Hz</translation>
    </message>
    <message>
        <source>Platform plugin: {platform}</source>
        <translation>平台插件：{platform}</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查……</translation>
    </message>
    <message>
        <source>{problems} problem(s), {warnings} warning(s)</source>
        <translation>{problems} 个问题，{warnings} 个警告</translation>
    </message>
    <message>
        <source>Everything checked is fine.</source>
        <translation>各项检查均正常。</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>{status}: {check}</source>
        <translation>{status}：{check}</translation>
    </message>
    <message>
        <source>Fix: {fix}</source>
        <translation>解决办法：{fix}</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <source>Runs the checks again</source>
        <translation>再次运行各项检查</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Returns to the staff panel</source>
        <translation>返回工作人员面板</translation>
    </message>
    <message>
        <source>Touch test</source>
        <translation>触摸测试</translation>
    </message>
    <message>
        <source>Draws every finger where it touches the screen</source>
        <translation>在每个手指触摸屏幕的位置画出标记</translation>
    </message>
    <message>
        <source>Touch with one or more fingers: each is drawn where it touches. The circles should sit under your fingers, at the corners too.</source>
        <translation>用一个或多个手指触摸屏幕：每个手指的位置都会画出圆圈。圆圈应正好在手指下方，在屏幕四角也是如此。</translation>
    </message>
    <message>
        <source>{fingers} finger(s) down · screen {width} x {height} pixels</source>
        <translation>{fingers} 个手指按下 · 屏幕 {width} x {height} 像素</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Leaves the touch test</source>
        <translation>退出触摸测试</translation>
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
    <message>
        <source>Speech</source>
        <translation>语音朗读</translation>
    </message>
    <message>
        <source>Reads the screen aloud. You can also hold three fingers on the screen for two seconds</source>
        <translation>朗读屏幕内容。也可以用三根手指按住屏幕两秒</translation>
    </message>
    <message>
        <source>Speech is on. Touch the screen to hear what is under your finger. Double-tap to choose what you heard last. Swipe right or left with one finger for the next or previous item. Swipe up or down to hear it again. Tap with two fingers to pause or go on. Hold three fingers on the screen for two seconds to turn speech off.</source>
        <translation>语音朗读已开启。触摸屏幕，即可听到手指下的内容。双击可选择刚听到的项目。单指向右或向左轻扫，可听下一项或上一项。向上或向下轻扫可再听一遍。双指轻点可暂停或继续。三根手指按住屏幕两秒可关闭语音朗读。</translation>
    </message>
    <message>
        <source>Speech is on. Right and left arrows: next and previous item. Enter: choose it. Escape: back. R: repeat. H: this help. Plus and minus: louder and softer. L: change language. P: pause. S: speech off.</source>
        <translation>语音朗读已开启。右方向键和左方向键：下一项和上一项。回车键：选择。Esc键：返回。R键：重复。H键：本帮助。加号和减号：调大和调小音量。L键：切换语言。P键：暂停。S键：关闭语音朗读。</translation>
    </message>
    <message>
        <source>Speech off.</source>
        <translation>语音朗读已关闭。</translation>
    </message>
    <message>
        <source>Speech in English.</source>
        <translation>现在用中文朗读。</translation>
    </message>
    <message>
        <source>Volume {percent} percent.</source>
        <translation>音量百分之{percent}。</translation>
    </message>
    <message>
        <source>End of the page.</source>
        <translation>已到页面末尾。</translation>
    </message>
    <message>
        <source>Start of the page.</source>
        <translation>已到页面开头。</translation>
    </message>
    <message>
        <source>Nothing to choose here.</source>
        <translation>这里没有可选择的内容。</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>标签页</translation>
    </message>
    <message>
        <source>tab, selected</source>
        <translation>标签页，已选中</translation>
    </message>
    <message>
        <source>button</source>
        <translation>按钮</translation>
    </message>
    <message>
        <source>switch, on</source>
        <translation>开关，已打开</translation>
    </message>
    <message>
        <source>switch, off</source>
        <translation>开关，已关闭</translation>
    </message>
    <message>
        <source>link</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>heading</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>picture</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>{number} of {count}</source>
        <translation>第{number}项，共{count}项</translation>
    </message>
    <message>
        <source>The check &apos;{check}&apos; could not finish: {error}</source>
        <translation>检查项“{check}”未能完成：{error}</translation>
    </message>
    <message>
        <source>Run &apos;kiosk doctor --json&apos; on the kiosk PC and send its output with the log to the maintainers.</source>
        <translation>请在导览电脑上运行 kiosk doctor --json，并将输出连同日志发送给维护人员。</translation>
    </message>
    <message>
        <source>There is no display here (neither DISPLAY nor WAYLAND_DISPLAY is set), so the kiosk cannot open its window from this session.</source>
        <translation>此处没有显示器（DISPLAY 和 WAYLAND_DISPLAY 均未设置），导览程序无法在此会话中打开窗口。</translation>
    </message>
    <message>
        <source>Run the doctor in a terminal on the kiosk&apos;s own screen, or name that screen, e.g. &apos;DISPLAY=:0 kiosk doctor&apos;. The kiosk itself is started by its autostart in the desktop session.</source>
        <translation>请在导览屏幕上的终端中运行检查，或指定该屏幕，例如 DISPLAY=:0 kiosk doctor。导览程序本身由桌面会话中的自动启动项启动。</translation>
    </message>
    <message>
        <source>Qt&apos;s X11 platform plugin needs {libraries}, which are not installed.</source>
        <translation>Qt 的 X11 平台插件需要 {libraries}，但尚未安装。</translation>
    </message>
    <message>
        <source>sudo apt-get install {packages}</source>
        <translation>sudo apt-get install {packages}</translation>
    </message>
    <message>
        <source>Qt is set to the &apos;{platform}&apos; platform (QT_QPA_PLATFORM): the kiosk would draw into memory, not on a screen.</source>
        <translation>Qt 被设置为“{platform}”平台（QT_QPA_PLATFORM）：导览程序只会画在内存中，而不是屏幕上。</translation>
    </message>
    <message>
        <source>Remove QT_QPA_PLATFORM from the kiosk&apos;s environment (its autostart entry, unit or shell profile): unset QT_QPA_PLATFORM</source>
        <translation>从导览程序的环境（自动启动项、服务单元或 shell 配置）中删除 QT_QPA_PLATFORM：unset QT_QPA_PLATFORM</translation>
    </message>
    <message>
        <source>Display {display}: Qt will use its &apos;{platform}&apos; platform plugin.</source>
        <translation>显示器 {display}：Qt 将使用“{platform}”平台插件。</translation>
    </message>
    <message>
        <source>The display {display} did not answer within {seconds} s.</source>
        <translation>显示器 {display} 在 {seconds} 秒内没有响应。</translation>
    </message>
    <message>
        <source>The display server is stuck: log out and in again, or restart the PC. If it happens again, look at the display server&apos;s log (journalctl -b).</source>
        <translation>显示服务器卡住了：请注销后重新登录，或重启电脑。如果再次发生，请查看显示服务器的日志（journalctl -b）。</translation>
    </message>
    <message>
        <source>Qt cannot open the display {display}: {detail}</source>
        <translation>Qt 无法打开显示器 {display}：{detail}</translation>
    </message>
    <message>
        <source>Check that the desktop session is running on the kiosk&apos;s screen and that DISPLAY names it; &apos;QT_DEBUG_PLUGINS=1 kiosk doctor&apos; shows what Qt tried.</source>
        <translation>请确认桌面会话正在导览屏幕上运行，且 DISPLAY 指向该屏幕；QT_DEBUG_PLUGINS=1 kiosk doctor 可显示 Qt 的尝试过程。</translation>
    </message>
    <message>
        <source>Qt finds no screen on the display {display}.</source>
        <translation>Qt 在显示器 {display} 上找不到屏幕。</translation>
    </message>
    <message>
        <source>Check the screen&apos;s power and cable, then &apos;xrandr&apos; (X11) to see whether the PC finds it.</source>
        <translation>请检查屏幕的电源和连接线，然后运行 xrandr（X11）查看电脑是否识别到屏幕。</translation>
    </message>
    <message>
        <source>Screen {name} ({primary}): {width} x {height} pixels, {dpi} dpi logical, {physical_dpi} dpi physical, {width_mm} x {height_mm} mm, pixel ratio {ratio}, {hz} Hz, {orientation}, platform {platform}.</source>
        <translation>屏幕 {name}（{primary}）：{width} x {height} 像素，逻辑 {dpi} dpi，物理 {physical_dpi} dpi，{width_mm} x {height_mm} 毫米，像素比 {ratio}，{hz} Hz，{orientation}，平台 {platform}。</translation>
    </message>
    <message>
        <source>the kiosk&apos;s screen</source>
        <translation>导览屏幕</translation>
    </message>
    <message>
        <source>another screen</source>
        <translation>其他屏幕</translation>
    </message>
    <message>
        <source>landscape</source>
        <translation>横向</translation>
    </message>
    <message>
        <source>portrait</source>
        <translation>纵向</translation>
    </message>
    <message>
        <source>landscape, upside down</source>
        <translation>横向（倒置）</translation>
    </message>
    <message>
        <source>portrait, upside down</source>
        <translation>纵向（倒置）</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>{screen} That is smaller than {smallest}, the smallest size the kiosk is tested at.</source>
        <translation>{screen} 小于 {smallest}，即导览程序测试过的最小尺寸。</translation>
    </message>
    <message>
        <source>Use the screen&apos;s full resolution, and check the desktop&apos;s scaling (display settings, QT_SCALE_FACTOR): the kiosk needs at least 1366 x 768 logical pixels.</source>
        <translation>请使用屏幕的最高分辨率，并检查桌面的缩放设置（显示设置、QT_SCALE_FACTOR）：导览程序至少需要 1366 x 768 逻辑像素。</translation>
    </message>
    <message>
        <source>Bundled font missing: {files}. Chinese would be drawn in a system font, or not at all.</source>
        <translation>缺少内置字体：{files}。中文将使用系统字体显示，或根本无法显示。</translation>
    </message>
    <message>
        <source>Restore the fonts: in the kiosk&apos;s folder run &apos;git checkout -- resources/fonts&apos; (or reinstall the kiosk).</source>
        <translation>恢复字体：在导览程序的文件夹中运行 git checkout -- resources/fonts（或重新安装导览程序）。</translation>
    </message>
    <message>
        <source>The font file {file} cannot be loaded (it does not give the family &apos;{family}&apos;).</source>
        <translation>无法加载字体文件 {file}（它不提供字体族“{family}”）。</translation>
    </message>
    <message>
        <source>The fonts could not be checked: {detail}</source>
        <translation>无法检查字体：{detail}</translation>
    </message>
    <message>
        <source>{file} lacks {count} character(s) the kiosk shows: {characters}</source>
        <translation>{file} 缺少导览程序要显示的 {count} 个字符：{characters}</translation>
    </message>
    <message>
        <source>Rebuild the font subset with these characters: see &apos;Chinese text&apos; in the README (scripts/build_fonts.py), or write the text with common characters.</source>
        <translation>请重新生成包含这些字符的字体子集：见 README 中的“Chinese text”（scripts/build_fonts.py），或改用常用字书写文本。</translation>
    </message>
    <message>
        <source>Both bundled font files load as &apos;{family}&apos; and have all {characters} characters the data and the interface show.</source>
        <translation>两个内置字体文件均以“{family}”加载，并包含数据和界面显示的全部 {characters} 个字符。</translation>
    </message>
    <message>
        <source>No data file is set (no data_path in {config}): the kiosk shows the bundled dataset {path}.</source>
        <translation>未设置数据文件（{config} 中没有 data_path）：导览程序显示内置数据 {path}。</translation>
    </message>
    <message>
        <source>The data file {path} (set by {set_by}) is valid: the kiosk shows it.</source>
        <translation>数据文件 {path}（由 {set_by} 设置）有效：导览程序显示该文件。</translation>
    </message>
    <message>
        <source>The data file {path} (set by {set_by}) has {count} problem(s), so the kiosk does not show it. The first: {first}. It shows {shown} instead.</source>
        <translation>数据文件 {path}（由 {set_by} 设置）有 {count} 个问题，因此导览程序不显示它。第一个问题：{first}。改为显示{shown}。</translation>
    </message>
    <message>
        <source>&apos;{kiosk} validate {path}&apos; lists every problem; once they are fixed the running kiosk shows the file within a second.</source>
        <translation>{kiosk} validate {path} 会列出所有问题；问题修正后，正在运行的导览程序会在一秒内显示该文件。</translation>
    </message>
    <message>
        <source>the last good copy {path} (saved {time})</source>
        <translation>上一个有效副本 {path}（保存于 {time}）</translation>
    </message>
    <message>
        <source>the bundled dataset {path}</source>
        <translation>内置数据 {path}</translation>
    </message>
    <message>
        <source>The last good copy {path} is damaged ({first}), so it cannot stand in for the data file.</source>
        <translation>上一个有效副本 {path} 已损坏（{first}），无法代替数据文件。</translation>
    </message>
    <message>
        <source>It is written again the next time the data file is valid; until then it can be deleted: rm {path}</source>
        <translation>下次数据文件有效时会重新写入该副本；在此之前可以删除它：rm {path}</translation>
    </message>
    <message>
        <source>The bundled dataset {path} has {count} problem(s) ({first}): without a valid data file the kiosk cannot start.</source>
        <translation>内置数据 {path} 有 {count} 个问题（{first}）：没有有效的数据文件，导览程序无法启动。</translation>
    </message>
    <message>
        <source>If a date is &apos;in the future&apos;, set the clock (see the clock check). Otherwise restore the file: in the kiosk&apos;s folder run &apos;git checkout -- data&apos; (or reinstall the kiosk).</source>
        <translation>如果提示日期“in the future”（在未来），请校准时钟（见时钟检查）。否则请恢复该文件：在导览程序的文件夹中运行 git checkout -- data（或重新安装导览程序）。</translation>
    </message>
    <message>
        <source>There is no configuration file {path}: every setting is at its default.</source>
        <translation>没有配置文件 {path}：所有设置均为默认值。</translation>
    </message>
    <message>
        <source>The configuration file {path} is valid.</source>
        <translation>配置文件 {path} 有效。</translation>
    </message>
    <message>
        <source>A staff PIN is set.</source>
        <translation>已设置工作人员密码。</translation>
    </message>
    <message>
        <source>No staff PIN is set: nobody can open the staff panel (status, self-test, restart, exit) at the screen.</source>
        <translation>尚未设置工作人员密码：在屏幕上无法打开工作人员面板（状态、自检、重启、退出）。</translation>
    </message>
    <message>
        <source>A setting is not used, and is at its default (the other settings apply): {problem}</source>
        <translation>有一项设置未被采用，已使用默认值（其他设置照常生效）：{problem}</translation>
    </message>
    <message>
        <source>This kiosk shows {count} of the data&apos;s {total} tabs, in this order: {tabs}.</source>
        <translation>本机显示数据中 {total} 个标签页中的 {count} 个，顺序为：{tabs}。</translation>
    </message>
    <message>
        <source>The setting tabs in {path} names {unknown}, which the data has no tab for; the kiosk leaves it out and shows: {shown}.</source>
        <translation>{path} 中的设置 tabs 写有 {unknown}，但数据中没有这个标签页；本机将其略过，显示：{shown}。</translation>
    </message>
    <message>
        <source>Use the data&apos;s tab ids ({tabs}) in tabs, or delete the line to show every tab; the running kiosk follows within seconds.</source>
        <translation>在 tabs 中使用数据的标签页编号（{tabs}），或删除这一行以显示所有标签页；运行中的本机几秒内即会生效。</translation>
    </message>
    <message>
        <source>Correct {path} (the setting names and their defaults: &apos;{kiosk}{option} --print-config&apos;); the running kiosk takes most settings within seconds.</source>
        <translation>请修改 {path}（设置名称及默认值见 &apos;{kiosk}{option} --print-config&apos;）；正在运行的导览程序会在几秒内采用大多数设置。</translation>
    </message>
    <message>
        <source>{path} sets a PIN, but not in a form the kiosk can use (see the configuration check): the staff panel cannot be opened.</source>
        <translation>{path} 设置了密码，但格式无法使用（见配置检查）：无法打开工作人员面板。</translation>
    </message>
    <message>
        <source>The pin_hash in {path} is not one that &apos;kiosk set-pin&apos; writes: no PIN will open the staff panel.</source>
        <translation>{path} 中的 pin_hash 不是 kiosk set-pin 写入的格式：任何密码都无法打开工作人员面板。</translation>
    </message>
    <message>
        <source>{kiosk} set-pin{option} (4 to 8 digits); the running kiosk takes it within seconds.</source>
        <translation>{kiosk} set-pin{option}（4 至 8 位数字）；正在运行的导览程序会在几秒内采用。</translation>
    </message>
    <message>
        <source>Nothing starts the kiosk at login: neither {unit} nor {desktop} exists.</source>
        <translation>登录时没有任何程序启动导览程序：{unit} 和 {desktop} 都不存在。</translation>
    </message>
    <message>
        <source>{kiosk} install-autostart{option}</source>
        <translation>{kiosk} install-autostart{option}</translation>
    </message>
    <message>
        <source>Both {unit} and {desktop} start the kiosk: two kiosks would start at login.</source>
        <translation>{unit} 和 {desktop} 都会启动导览程序：登录时会启动两个导览程序。</translation>
    </message>
    <message>
        <source>Keep the systemd unit (it restarts the kiosk after a crash): rm {desktop}</source>
        <translation>保留 systemd 服务单元（它会在崩溃后重启导览程序）：rm {desktop}</translation>
    </message>
    <message>
        <source>{desktop} is there but switched off (Hidden or X-GNOME-Autostart-enabled).</source>
        <translation>{desktop} 存在但已被关闭（Hidden 或 X-GNOME-Autostart-enabled）。</translation>
    </message>
    <message>
        <source>{desktop} starts the kiosk at login, but nothing restarts it after a crash; systemd is available here.</source>
        <translation>{desktop} 会在登录时启动导览程序，但崩溃后没有程序重启它；本机可以使用 systemd。</translation>
    </message>
    <message>
        <source>{kiosk} uninstall-autostart &amp;&amp; {kiosk} install-autostart --systemd</source>
        <translation>{kiosk} uninstall-autostart &amp;&amp; {kiosk} install-autostart --systemd</translation>
    </message>
    <message>
        <source>{desktop} starts the kiosk at login (there is no systemd here to restart it after a crash).</source>
        <translation>{desktop} 会在登录时启动导览程序（本机没有 systemd，崩溃后不会自动重启）。</translation>
    </message>
    <message>
        <source>{unit} is installed, but &apos;systemctl --user&apos; does not answer here ({detail}), so its state is unknown.</source>
        <translation>{unit} 已安装，但 systemctl --user 在此没有响应（{detail}），因此其状态未知。</translation>
    </message>
    <message>
        <source>Run the doctor as the kiosk user in its desktop session (over ssh: log in as that user while its desktop is running).</source>
        <translation>请以导览用户身份在其桌面会话中运行检查（通过 ssh 时：在该用户的桌面运行期间以该用户登录）。</translation>
    </message>
    <message>
        <source>The systemd unit {unit} is installed but not enabled ({state}): it will not start at login.</source>
        <translation>systemd 服务单元 {unit} 已安装但未启用（{state}）：登录时不会启动。</translation>
    </message>
    <message>
        <source>systemctl --user enable {unit}</source>
        <translation>systemctl --user enable {unit}</translation>
    </message>
    <message>
        <source>The systemd unit {unit} has failed.</source>
        <translation>systemd 服务单元 {unit} 已失败。</translation>
    </message>
    <message>
        <source>See why: journalctl --user -u {unit} -n 50; then start it again: systemctl --user restart {unit}</source>
        <translation>查看原因：journalctl --user -u {unit} -n 50；然后重新启动：systemctl --user restart {unit}</translation>
    </message>
    <message>
        <source>The systemd unit {unit} is enabled but not running now ({state}).</source>
        <translation>systemd 服务单元 {unit} 已启用，但目前没有运行（{state}）。</translation>
    </message>
    <message>
        <source>systemctl --user start {unit} (a staff exit leaves it stopped until the next login)</source>
        <translation>systemctl --user start {unit}（工作人员退出后，它在下次登录前保持停止）</translation>
    </message>
    <message>
        <source>The systemd unit {unit} is enabled and running; it restarts the kiosk after a crash.</source>
        <translation>systemd 服务单元 {unit} 已启用并正在运行；崩溃后会重启导览程序。</translation>
    </message>
    <message>
        <source>{file} starts {program}, which does not exist (was the kiosk&apos;s folder moved or deleted?).</source>
        <translation>{file} 启动的 {program} 不存在（导览程序的文件夹是否被移动或删除？）。</translation>
    </message>
    <message>
        <source>{folder} cannot be created: {path} is a file, not a folder.</source>
        <translation>无法创建 {folder}：{path} 是文件而不是文件夹。</translation>
    </message>
    <message>
        <source>Move the file away: mv {path} {path}.old</source>
        <translation>把该文件移走：mv {path} {path}.old</translation>
    </message>
    <message>
        <source>The kiosk cannot write in {folder}: {error}.</source>
        <translation>导览程序无法写入 {folder}：{error}。</translation>
    </message>
    <message>
        <source>Give the kiosk user the folder: sudo chown -R $USER {folder} (and check &apos;mount&apos; for a read-only disk).</source>
        <translation>把该文件夹交给导览用户：sudo chown -R $USER {folder}（并用 mount 检查磁盘是否为只读）。</translation>
    </message>
    <message>
        <source>{folder}: only {free} MB free; the kiosk may need {room} MB there.</source>
        <translation>{folder}：仅剩 {free} MB 可用；导览程序在此可能需要 {room} MB。</translation>
    </message>
    <message>
        <source>Free some space on that disk (see &apos;df -h {folder}&apos; and &apos;du -sh ~/* | sort -h&apos;).</source>
        <translation>请在该磁盘上腾出空间（见 df -h {folder} 和 du -sh ~/* | sort -h）。</translation>
    </message>
    <message>
        <source>{folder}: writable, {free} MB free.</source>
        <translation>{folder}：可写入，{free} MB 可用。</translation>
    </message>
    <message>
        <source>The time zone cannot be found; the clock says {now}.</source>
        <translation>找不到时区设置；时钟显示 {now}。</translation>
    </message>
    <message>
        <source>The time zone is {zone} (the clock says {now}): visits would be counted by UTC days and hours, not the visitor centre&apos;s.</source>
        <translation>时区为 {zone}（时钟显示 {now}）：访问将按 UTC 的日期和小时统计，而不是按游客中心的当地时间。</translation>
    </message>
    <message>
        <source>sudo timedatectl set-timezone {zone}</source>
        <translation>sudo timedatectl set-timezone {zone}</translation>
    </message>
    <message>
        <source>The time zone is {zone}; the clock says {now}.</source>
        <translation>时区为 {zone}；时钟显示 {now}。</translation>
    </message>
    <message>
        <source>Whether the clock is synchronised cannot be checked here ({detail}).</source>
        <translation>无法在此检查时钟是否已同步（{detail}）。</translation>
    </message>
    <message>
        <source>Compare the clock with a phone; on a PC with systemd, see &apos;timedatectl status&apos;.</source>
        <translation>请与手机时间对比；在使用 systemd 的电脑上，可查看 timedatectl status。</translation>
    </message>
    <message>
        <source>The clock is synchronised with a time server.</source>
        <translation>时钟已与时间服务器同步。</translation>
    </message>
    <message>
        <source>Clock synchronisation (NTP) is switched off: the clock drifts.</source>
        <translation>时钟同步（NTP）已关闭：时钟会逐渐走偏。</translation>
    </message>
    <message>
        <source>The clock is not synchronised with a time server (yet).</source>
        <translation>时钟（尚）未与时间服务器同步。</translation>
    </message>
    <message>
        <source>sudo timedatectl set-ntp true (it needs the network; &apos;timedatectl timesync-status&apos; shows the server)</source>
        <translation>sudo timedatectl set-ntp true（需要网络；timedatectl timesync-status 可显示时间服务器）</translation>
    </message>
    <message>
        <source>The clock says {today}, before {latest}, a date in {path}: the clock is wrong, and the kiosk rejects data dated in its future.</source>
        <translation>时钟显示 {today}，早于 {path} 中的日期 {latest}：时钟有误，导览程序会拒绝日期在“未来”的数据。</translation>
    </message>
    <message>
        <source>sudo timedatectl set-ntp true, or set it by hand: sudo timedatectl set-time &apos;YYYY-MM-DD HH:MM:SS&apos;</source>
        <translation>sudo timedatectl set-ntp true，或手动设置：sudo timedatectl set-time &apos;YYYY-MM-DD HH:MM:SS&apos;</translation>
    </message>
    <message>
        <source>The date {today} is after the data&apos;s latest date ({latest}).</source>
        <translation>日期 {today} 晚于数据中的最晚日期（{latest}）。</translation>
    </message>
    <message>
        <source>There is no log in {folder} yet: the kiosk has not run as this user.</source>
        <translation>{folder} 中还没有日志：导览程序尚未以此用户身份运行过。</translation>
    </message>
    <message>
        <source>No crash in the log ({count} file(s) in {folder}).</source>
        <translation>日志中没有崩溃记录（{folder} 中的 {count} 个文件）。</translation>
    </message>
    <message>
        <source>Last crash: {time}, {error} (first traceback line: {frame}); in {file}.</source>
        <translation>最近一次崩溃：{time}，{error}（回溯第一行：{frame}）；见 {file}。</translation>
    </message>
    <message>
        <source>The whole traceback is in {file} at {time}: send that part of the log to the maintainers.</source>
        <translation>完整的回溯信息在 {file} 中 {time} 处：请将该部分日志发送给维护人员。</translation>
    </message>
    <message>
        <source>No X11 display here: screen saver and DPMS timeouts are not checked (on Wayland the compositor decides).</source>
        <translation>此处没有 X11 显示：未检查屏幕保护和 DPMS 超时（在 Wayland 下由合成器决定）。</translation>
    </message>
    <message>
        <source>Could not read the X display&apos;s screen saver and DPMS settings: {detail}.</source>
        <translation>无法读取 X 显示的屏幕保护和 DPMS 设置：{detail}。</translation>
    </message>
    <message>
        <source>Install xset (sudo apt-get install x11-xserver-utils) and run the doctor on the kiosk&apos;s display.</source>
        <translation>请安装 xset（sudo apt-get install x11-xserver-utils），并在导览程序的显示上运行检查。</translation>
    </message>
    <message>
        <source>The X display does not blank the screen by itself.</source>
        <translation>X 显示不会自行关闭屏幕。</translation>
    </message>
    <message>
        <source>The screen would go dark during opening hours: {what}.</source>
        <translation>开放时间内屏幕会变黑：{what}。</translation>
    </message>
    <message>
        <source>Run &apos;{command}&apos; in the kiosk&apos;s desktop session, and add it to the session&apos;s start-up so that it survives a reboot (see resources/linux/README.md).</source>
        <translation>请在导览程序的桌面会话中运行 &apos;{command}&apos;，并将其加入会话的启动项，以便重启后仍然有效（见 resources/linux/README.md）。</translation>
    </message>
    <message>
        <source>The speech engine does not start: {detail}</source>
        <translation>语音引擎无法启动：{detail}</translation>
    </message>
    <message>
        <source>Reinstall the kiosk&apos;s dependencies: delete the .venv folder and start ./run-kiosk once (it installs espeakng-loader and miniaudio again).</source>
        <translation>重新安装信息亭的依赖：删除 .venv 文件夹，然后运行一次 ./run-kiosk（它会重新安装 espeakng-loader 和 miniaudio）。</translation>
    </message>
    <message>
        <source>The speech engine gives no audio for {language}.</source>
        <translation>语音引擎对 {language} 没有输出声音。</translation>
    </message>
    <message>
        <source>The speech engine does not read Chinese as Mandarin (no tones in &apos;{phonemes}&apos;): it would spell the characters out.</source>
        <translation>语音引擎没有按普通话朗读中文（“{phonemes}”中没有声调）：它会逐个拼读字符。</translation>
    </message>
    <message>
        <source>espeak-ng {version} speaks English ({english} s for the test sentence) and Mandarin with tones ({chinese} s).</source>
        <translation>espeak-ng {version} 能朗读英语（测试句 {english} 秒）和带声调的普通话（{chinese} 秒）。</translation>
    </message>
    <message>
        <source>Speech plays through the audio output &apos;{output}&apos; ({backend}).</source>
        <translation>语音通过音频输出“{output}”（{backend}）播放。</translation>
    </message>
    <message>
        <source>speech_output is &quot;null&quot;: speech is made but nobody hears it.</source>
        <translation>speech_output 设为 &quot;null&quot;：语音已生成，但没有人能听到。</translation>
    </message>
    <message>
        <source>Set speech_output = &quot;default&quot; (or a playback device&apos;s name) in {config}, then check with &apos;kiosk speak &quot;test&quot;&apos;.</source>
        <translation>在 {config} 中设置 speech_output = &quot;default&quot;（或某个播放设备的名称），然后用 &apos;kiosk speak &quot;test&quot;&apos; 检查。</translation>
    </message>
    <message>
        <source>Speech cannot be heard. {detail}</source>
        <translation>无法听到语音。{detail}</translation>
    </message>
    <message>
        <source>Connect and switch on the speakers, check the volume and mute in the desktop&apos;s sound settings (or alsamixer), then &apos;kiosk speak &quot;test&quot;&apos;. Another device: set speech_output in {config}.</source>
        <translation>连接并打开扬声器，在桌面的声音设置（或 alsamixer）中检查音量和静音，然后运行 &apos;kiosk speak &quot;test&quot;&apos;。使用其他设备：在 {config} 中设置 speech_output。</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>显示器</translation>
    </message>
    <message>
        <source>Screen</source>
        <translation>屏幕</translation>
    </message>
    <message>
        <source>Fonts</source>
        <translation>字体</translation>
    </message>
    <message>
        <source>Data file</source>
        <translation>数据文件</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Staff PIN</source>
        <translation>工作人员密码</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>登录时启动</translation>
    </message>
    <message>
        <source>Screen blanking</source>
        <translation>屏幕熄灭</translation>
    </message>
    <message>
        <source>Disk: logs</source>
        <translation>磁盘：日志</translation>
    </message>
    <message>
        <source>Disk: data and analytics</source>
        <translation>磁盘：数据与统计</translation>
    </message>
    <message>
        <source>Disk: analytics</source>
        <translation>磁盘：统计</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Clock synchronisation</source>
        <translation>时钟同步</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Last crash</source>
        <translation>最近崩溃</translation>
    </message>
    <message>
        <source>Speech: audio output</source>
        <translation>语音：音频输出</translation>
    </message>
    <message>
        <source>Kiosk content editor</source>
        <translation>展示屏内容编辑器</translation>
    </message>
    <message>
        <source>{file} – Kiosk content editor</source>
        <translation>{file} – 展示屏内容编辑器</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>历史版本(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Undo: {what}</source>
        <translation>撤销(&amp;U)：{what}</translation>
    </message>
    <message>
        <source>&amp;Redo: {what}</source>
        <translation>重做(&amp;R)：{what}</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>Add: {what}</source>
        <translation>添加：{what}</translation>
    </message>
    <message>
        <source>Add &amp;pictures…</source>
        <translation>添加图片(&amp;P)…</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg *.webp)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.webp)</translation>
    </message>
    <message>
        <source>Add pictures: {names}</source>
        <translation>添加图片：{names}</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <source>Editor &amp;language</source>
        <translation>编辑器语言(&amp;L)</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>标签页</translation>
    </message>
    <message>
        <source>Landscape 1920 × 1080</source>
        <translation>横屏 1920 × 1080</translation>
    </message>
    <message>
        <source>Portrait 1080 × 1920</source>
        <translation>竖屏 1080 × 1920</translation>
    </message>
    <message>
        <source>The preview shows the content once it has no problems.</source>
        <translation>内容没有问题后，这里显示预览。</translation>
    </message>
    <message>
        <source>The preview shows the last version without problems.</source>
        <translation>预览显示的是最后一个没有问题的版本。</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>{count} item(s)</source>
        <translation>共 {count} 项</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Uncheck to leave this out (it is optional)</source>
        <translation>取消勾选即不填写（此项可选）</translation>
    </message>
    <message>
        <source>{id} (not found)</source>
        <translation>{id}（未找到）</translation>
    </message>
    <message>
        <source>Not a number: write digits, e.g. 53190000000 or 7.5</source>
        <translation>不是数字：请输入数字，例如 53190000000 或 7.5</translation>
    </message>
    <message>
        <source>Not valid here: write it as JSON, e.g. [0.5, 0.5]</source>
        <translation>格式不对：请按 JSON 书写，例如 [0.5, 0.5]</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Visitors read: {value}</source>
        <translation>观众看到：{value}</translation>
    </message>
    <message>
        <source>Made from the English name while the item is new</source>
        <translation>新建条目时根据英文名称自动生成</translation>
    </message>
    <message>
        <source>No problems: ready to save</source>
        <translation>没有问题，可以保存</translation>
    </message>
    <message>
        <source>Saved {file} as version {number}</source>
        <translation>已保存 {file}，为第 {number} 版</translation>
    </message>
    <message>
        <source>Version {old} is the file again, as version {number}</source>
        <translation>第 {old} 版已恢复为当前文件，即第 {number} 版</translation>
    </message>
    <message>
        <source>Save {file}</source>
        <translation>保存 {file}</translation>
    </message>
    <message>
        <source>What visitors will see change ({count}):</source>
        <translation>观众将看到的变化（{count} 处）：</translation>
    </message>
    <message>
        <source>Nothing changes for visitors.</source>
        <translation>观众看到的内容没有变化。</translation>
    </message>
    <message>
        <source>A new data file: everything in it is new to visitors.</source>
        <translation>这是一个新数据文件：其中所有内容对观众都是新的。</translation>
    </message>
    <message>
        <source>A kiosk showing this file shows the new version within seconds. The last versions are kept: File › History goes back to one.</source>
        <translation>正在显示此文件的展示屏会在几秒内显示新版本。最近的版本都会保留：可通过“文件 › 历史版本”恢复。</translation>
    </message>
    <message>
        <source>History of {file}</source>
        <translation>{file} 的历史版本</translation>
    </message>
    <message>
        <source>The kept versions, newest first. Restoring one saves it as a new version, so a restore can be undone too.</source>
        <translation>保留的版本，最新的在前。恢复某个版本会把它另存为新版本，因此恢复也可以撤销。</translation>
    </message>
    <message>
        <source>No versions yet: they are kept from the first save.</source>
        <translation>还没有版本：从第一次保存开始保留。</translation>
    </message>
    <message>
        <source>{number}   {time}   {summary}</source>
        <translation>{number}   {time}   {summary}</translation>
    </message>
    <message>
        <source>(the file now)</source>
        <translation>（当前文件）</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Version {number} is not restored: {reason}</source>
        <translation>第 {number} 版未恢复：{reason}</translation>
    </message>
    <message>
        <source>{count} problem(s): fix them to save</source>
        <translation>{count} 个问题：改正后才能保存</translation>
    </message>
    <message>
        <source>Cannot save while there are problems ({count}); the first: {problem}</source>
        <translation>存在问题（{count} 个）时无法保存；第一个：{problem}</translation>
    </message>
    <message>
        <source>This is the content bundled with the kiosk program; an update of the program replaces it. Save your changes as a file of your own, and set data_path in the kiosk&apos;s configuration to it.</source>
        <translation>这是展示屏程序自带的内容，程序更新时会被替换。请将修改另存为自己的文件，并在展示屏配置中把 data_path 设为该文件。</translation>
    </message>
    <message>
        <source>Cannot open {file}</source>
        <translation>无法打开 {file}</translation>
    </message>
    <message>
        <source>Cannot save {file}: {error}</source>
        <translation>无法保存 {file}：{error}</translation>
    </message>
    <message>
        <source>Kiosk data (*.json)</source>
        <translation>展示屏数据 (*.json)</translation>
    </message>
    <message>
        <source>Save the changes to {file}?</source>
        <translation>是否保存对 {file} 的修改？</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <source>This file was written for an older version of the kiosk; it is saved in the current format.</source>
        <translation>此文件是为旧版展示屏编写的，保存时将使用当前格式。</translation>
    </message>
    <message>
        <source>Format version</source>
        <translation>格式版本</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>园区</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>事实</translation>
    </message>
    <message>
        <source>Companies</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Industries</source>
        <translation>产业</translation>
    </message>
    <message>
        <source>Tabs</source>
        <translation>标签页</translation>
    </message>
    <message>
        <source>Pictures</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation>版块</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Fact</source>
        <translation>事实</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>产业</translation>
    </message>
    <message>
        <source>Year and value</source>
        <translation>年份与数值</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>标识</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>Founded</source>
        <translation>成立年份</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Scaled (million, billion)</source>
        <translation>缩写数值（万、亿）</translation>
    </message>
    <message>
        <source>Thousands separators</source>
        <translation>千位分隔符</translation>
    </message>
    <message>
        <source>Percentage</source>
        <translation>百分比</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>发布机构</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Web address</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Qualifier</source>
        <translation>限定词</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>注释</translation>
    </message>
    <message>
        <source>Shown under it</source>
        <translation>下方附带数据</translation>
    </message>
    <message>
        <source>Part of</source>
        <translation>所属总量</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>历年数据</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>简介</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Headline</source>
        <translation>大标题</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <source>Below the block before</source>
        <translation>放在上一版块下方</translation>
    </message>
    <message>
        <source>New row</source>
        <translation>另起一行</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>刻度</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Hint</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Companies heading</source>
        <translation>企业列表标题</translation>
    </message>
    <message>
        <source>Banner picture</source>
        <translation>横幅图片</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Gallery</source>
        <translation>图集</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Alt text</source>
        <translation>替代文字</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>署名</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>使用许可</translation>
    </message>
    <message>
        <source>Map approval number</source>
        <translation>审图号</translation>
    </message>
    <message>
        <source>Focus point</source>
        <translation>焦点</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>图注</translation>
    </message>
    <message>
        <source>Figure cards</source>
        <translation>数据卡片</translation>
    </message>
    <message>
        <source>Bar chart</source>
        <translation>条形图</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>占比对比</translation>
    </message>
    <message>
        <source>Ring</source>
        <translation>环形图</translation>
    </message>
    <message>
        <source>Highlights</source>
        <translation>要点</translation>
    </message>
    <message>
        <source>Industry explorer</source>
        <translation>产业浏览</translation>
    </message>
    <message>
        <source>more than</source>
        <translation>超过</translation>
    </message>
    <message>
        <source>about</source>
        <translation>约</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>logarithmic</source>
        <translation>对数</translation>
    </message>
    <message>
        <source>narrow</source>
        <translation>窄</translation>
    </message>
    <message>
        <source>wide</source>
        <translation>宽</translation>
    </message>
    <message>
        <source>widest</source>
        <translation>最宽</translation>
    </message>
    <message>
        <source>2: tabs made of blocks (files of version 1 are read as 2).</source>
        <translation>2：由内容块组成的标签页（版本 1 的文件按版本 2 读取）。</translation>
    </message>
    <message>
        <source>The year the zone was established: no figure refers to an earlier year.</source>
        <translation>园区设立的年份：任何数据的年份都不能早于它。</translation>
    </message>
    <message>
        <source>Per language, with &quot;{}&quot; where the number goes.</source>
        <translation>每种语言一项，用“{}”标出数字的位置。</translation>
    </message>
    <message>
        <source>May be shown in thousands/millions or 万/亿.</source>
        <translation>可以用千/百万或万/亿的单位显示。</translation>
    </message>
    <message>
        <source>Use thousands separators (false for years).</source>
        <translation>使用千位分隔符（年份请设为否）。</translation>
    </message>
    <message>
        <source>Values are percentages: 0 to 100.</source>
        <translation>数值为百分比：0 到 100。</translation>
    </message>
    <message>
        <source>Title as published, in its own language.</source>
        <translation>发表时的标题，用其原文语言。</translation>
    </message>
    <message>
        <source>The year the figure refers to.</source>
        <translation>该数据所属的年份。</translation>
    </message>
    <message>
        <source>The figure exactly as the source states it.</source>
        <translation>与来源原文完全一致的数据表述。</translation>
    </message>
    <message>
        <source>Another figure shown under this one.</source>
        <translation>显示在此数据下方的另一项数据。</translation>
    </message>
    <message>
        <source>A figure (same unit) this one is a part of.</source>
        <translation>此数据所属的整体数据（单位相同）。</translation>
    </message>
    <message>
        <source>Values by year from a source; a chart is shown once there are two.</source>
        <translation>来自来源的逐年数值；有两年及以上时显示图表。</translation>
    </message>
    <message>
        <source>Figure id: the cluster&apos;s share of the city&apos;s total (percent).</source>
        <translation>数据编号：该产业集群占全市总量的比例（百分比）。</translation>
    </message>
    <message>
        <source>Pictures, each a file in the media folder beside the data file.</source>
        <translation>图片，每张都是数据文件旁 media 文件夹中的一个文件。</translation>
    </message>
    <message>
        <source>Its file name in the media folder, e.g. &quot;harbour.jpg&quot;.</source>
        <translation>它在 media 文件夹中的文件名，例如“harbour.jpg”。</translation>
    </message>
    <message>
        <source>What the picture shows, for visitors who cannot see it (read aloud).</source>
        <translation>图片内容的文字说明，供看不见图片的参观者使用（会被朗读）。</translation>
    </message>
    <message>
        <source>Who made the picture; shown with it.</source>
        <translation>图片的作者；与图片一起显示。</translation>
    </message>
    <message>
        <source>The terms it is shown under, e.g. &quot;CC BY 4.0&quot; or &quot;with permission&quot;.</source>
        <translation>图片的使用许可，例如“CC BY 4.0”或“经授权使用”。</translation>
    </message>
    <message>
        <source>Where it was published, if it was.</source>
        <translation>图片的发表出处（如有）。</translation>
    </message>
    <message>
        <source>The approval number a map shown in public in China needs (审图号), shown with it.</source>
        <translation>在中国公开展示的地图所需的审图号，与图片一起显示。</translation>
    </message>
    <message>
        <source>The point (x, y, each 0 to 1 from the top left) that stays in view when a place crops it.</source>
        <translation>裁切时始终保留在画面中的点（x、y，从左上角起各为 0 到 1）。</translation>
    </message>
    <message>
        <source>The tabs, in the order the tab bar shows them.</source>
        <translation>各标签页，按标签栏中的显示顺序排列。</translation>
    </message>
    <message>
        <source>Share of the row beside the other blocks, in landscape: 1, 2 or 3.</source>
        <translation>横屏时与同一行其他内容块相比所占的宽度：1、2 或 3。</translation>
    </message>
    <message>
        <source>Under the block before it, in the same column, instead of beside it.</source>
        <translation>放在前一个内容块的下方（同一列），而不是旁边。</translation>
    </message>
    <message>
        <source>Starts a new row under the blocks before it.</source>
        <translation>在前面的内容块下方另起一行。</translation>
    </message>
    <message>
        <source>At least two: one bar compares nothing.</source>
        <translation>至少两项：只有一根柱子无从比较。</translation>
    </message>
    <message>
        <source>log keeps very small and very large values readable together.</source>
        <translation>log（对数刻度）让极小值和极大值能同时看清。</translation>
    </message>
    <message>
        <source>Percent figures; at least two.</source>
        <translation>百分比数据；至少两项。</translation>
    </message>
    <message>
        <source>Shown above the ring, the figure&apos;s label under it; without a title the figure&apos;s label is the title.</source>
        <translation>显示在圆环上方，数据名称在其下方；没有标题时，以数据名称作为标题。</translation>
    </message>
    <message>
        <source>Which chart colour (1 to 7); none: the accent colour.</source>
        <translation>使用哪种图表颜色（1 到 7）；不设：使用强调色。</translation>
    </message>
    <message>
        <source>Tells visitors what to tap.</source>
        <translation>告诉参观者可以点哪里。</translation>
    </message>
    <message>
        <source>The selected industry&apos;s share, with &quot;{value}&quot; where the number goes.</source>
        <translation>所选产业的占比，用“{value}”标出数字的位置。</translation>
    </message>
    <message>
        <source>A figure with a series of at least two years.</source>
        <translation>一项至少有两年历年数据的数据。</translation>
    </message>
    <message>
        <source>At least two pictures.</source>
        <translation>至少两张图片。</translation>
    </message>
    <message>
        <source>A wide picture across the top of the tab.</source>
        <translation>横贯标签页顶部的宽幅图片。</translation>
    </message>
    <message>
        <source>{path}: {message}</source>
        <translation>{path}：{message}</translation>
    </message>
    <message>
        <source>cannot read the file: {reason}</source>
        <translation>无法读取文件：{reason}</translation>
    </message>
    <message>
        <source>file is {size} bytes; the limit is {limit}</source>
        <translation>文件大小为 {size} 字节；上限为 {limit} 字节</translation>
    </message>
    <message>
        <source>not UTF-8 text (byte {byte})</source>
        <translation>不是 UTF-8 文本（第 {byte} 字节）</translation>
    </message>
    <message>
        <source>JSON syntax error at line {line}, column {column}: {detail}</source>
        <translation>JSON 语法错误，位于第 {line} 行第 {column} 列：{detail}</translation>
    </message>
    <message>
        <source>{name} is not a number a kiosk can show; write a real value</source>
        <translation>{name} 不是导览程序能显示的数字；请填写实际数值</translation>
    </message>
    <message>
        <source>not a JSON data file: {detail}</source>
        <translation>不是 JSON 数据文件：{detail}</translation>
    </message>
    <message>
        <source>not a dataset: the file must hold one JSON object {{ ... }}</source>
        <translation>不是数据集：文件必须包含一个 JSON 对象 {{ ... }}</translation>
    </message>
    <message>
        <source>{file} is another picture of the same name; rename one of them, or save in another folder</source>
        <translation>{file} 是另一张同名图片；请将其中一张改名，或保存到其他文件夹</translation>
    </message>
    <message>
        <source>unknown field; did you mean &quot;{close}&quot;?</source>
        <translation>未知字段；是否想写“{close}”？</translation>
    </message>
    <message>
        <source>unknown field; known fields: {known}</source>
        <translation>未知字段；可用字段：{known}</translation>
    </message>
    <message>
        <source>ids use lowercase letters, digits and hyphens, e.g. &quot;gdp-share&quot;</source>
        <translation>ID 只能使用小写字母、数字和连字符，例如“gdp-share”</translation>
    </message>
    <message>
        <source>must be a language code such as &quot;en&quot; or &quot;zh&quot;</source>
        <translation>必须是语言代码，例如“en”或“zh”</translation>
    </message>
    <message>
        <source>must be a web address starting with http:// or https://</source>
        <translation>必须是以 http:// 或 https:// 开头的网址</translation>
    </message>
    <message>
        <source>{input} is negative; a count or amount cannot be</source>
        <translation>{input} 是负数；数量或金额不能为负</translation>
    </message>
    <message>
        <source>must list at least {least} item(s)</source>
        <translation>至少需要列出 {least} 项</translation>
    </message>
    <message>
        <source>lists {count} items; at most {most} fit on a screen</source>
        <translation>列出了 {count} 项；一屏最多容纳 {most} 项</translation>
    </message>
    <message>
        <source>unknown block kind &quot;{kind}&quot;; known kinds: {known}</source>
        <translation>未知的版块类型“{kind}”；可用类型：{known}</translation>
    </message>
    <message>
        <source>a block needs a &quot;kind&quot;: one of {known}</source>
        <translation>版块需要“kind”（类型），可选：{known}</translation>
    </message>
    <message>
        <source>must be one of: {choices}</source>
        <translation>必须是以下之一：{choices}</translation>
    </message>
    <message>
        <source>required field is missing</source>
        <translation>缺少必填字段</translation>
    </message>
    <message>
        <source>must be a number, not {input}</source>
        <translation>必须是数字，而不是 {input}</translation>
    </message>
    <message>
        <source>must be a whole number, not {input}</source>
        <translation>必须是整数，而不是 {input}</translation>
    </message>
    <message>
        <source>must be a real number, not NaN or Infinity</source>
        <translation>必须是实际数字，不能是 NaN 或 Infinity</translation>
    </message>
    <message>
        <source>must be text in quotes, not {input}</source>
        <translation>必须是加引号的文本，而不是 {input}</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <source>must be at most {le}</source>
        <translation>不能大于 {le}</translation>
    </message>
    <message>
        <source>must be at least {ge}</source>
        <translation>不能小于 {ge}</translation>
    </message>
    <message>
        <source>must be a date written like &quot;2022-07-08&quot;, not {input}</source>
        <translation>必须是形如“2022-07-08”的日期，而不是 {input}</translation>
    </message>
    <message>
        <source>must be true or false, not {input}</source>
        <translation>必须是 true 或 false，而不是 {input}</translation>
    </message>
    <message>
        <source>must be an object {{ ... }}, not {input}</source>
        <translation>必须是对象 {{ ... }}，而不是 {input}</translation>
    </message>
    <message>
        <source>must be a list [ ... ], not {input}</source>
        <translation>必须是列表 [ ... ]，而不是 {input}</translation>
    </message>
    <message>
        <source>{value} is not a percentage between 0 and 100</source>
        <translation>{value} 不是 0 到 100 之间的百分比</translation>
    </message>
    <message>
        <source>{value} is larger than its whole &quot;{whole}&quot; ({whole_value})</source>
        <translation>{value} 大于其总量“{whole}”（{whole_value}）</translation>
    </message>
    <message>
        <source>&quot;{whole}&quot; is in {whole_unit}, this figure in {unit}</source>
        <translation>“{whole}”的单位是 {whole_unit}，此数据的单位是 {unit}</translation>
    </message>
    <message>
        <source>&quot;{figure}&quot; is not a percentage; a share of the whole is one</source>
        <translation>“{figure}”不是百分比；占总量的份额应为百分比</translation>
    </message>
    <message>
        <source>{date} is in the future</source>
        <translation>{date} 是将来的日期</translation>
    </message>
    <message>
        <source>{year} is in the future</source>
        <translation>{year} 年尚未到来</translation>
    </message>
    <message>
        <source>{year} is before the zone existed (founded {founded})</source>
        <translation>{year} 年早于园区设立（{founded} 年设立）</translation>
    </message>
    <message>
        <source>the first block has no block above it to go under</source>
        <translation>第一个版块上方没有可以排在其下的版块</translation>
    </message>
    <message>
        <source>a chart with one bar compares nothing: give it at least two figures (or use figure-cards)</source>
        <translation>只有一根柱的图表无从比较：请至少给出两个数据（或改用 figure-cards 数据卡片）</translation>
    </message>
    <message>
        <source>&quot;{figure}&quot; is not a percentage; this block shows shares of a whole</source>
        <translation>“{figure}”不是百分比；此版块显示的是占总量的份额</translation>
    </message>
    <message>
        <source>the block shows nothing: give it facts or figures</source>
        <translation>此版块没有内容：请添加事实或数据</translation>
    </message>
    <message>
        <source>&quot;{figure}&quot; has no series of two or more years to chart</source>
        <translation>“{figure}”没有两年或以上的序列数据可绘制图表</translation>
    </message>
    <message>
        <source>&quot;{media}&quot; is in the gallery already; give each picture once</source>
        <translation>“{media}”已在图集中；每张图片只放一次</translation>
    </message>
    <message>
        <source>an industry explorer needs at least two industries to compare</source>
        <translation>产业浏览版块至少需要两个产业才能比较</translation>
    </message>
    <message>
        <source>must say where the share goes with &quot;{{value}}&quot; in every language</source>
        <translation>每种语言都必须用“{{value}}”标明份额的位置</translation>
    </message>
    <message>
        <source>duplicate id &quot;{id}&quot;</source>
        <translation>ID“{id}”重复</translation>
    </message>
    <message>
        <source>missing the &quot;{language}&quot; text</source>
        <translation>缺少“{language}”文本</translation>
    </message>
    <message>
        <source>unknown {kind} id &quot;{id}&quot;</source>
        <translation>未知的{kind} ID“{id}”</translation>
    </message>
    <message>
        <source>source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>figure</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>fact</source>
        <translation>事实</translation>
    </message>
    <message>
        <source>industry</source>
        <translation>产业</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>media</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>{name} is not in the media folder {folder}</source>
        <translation>{name} 不在图片文件夹 {folder} 中</translation>
    </message>
    <message>
        <source>{name} leads out of the media folder {folder} (a link?); copy the picture into it</source>
        <translation>{name} 指向图片文件夹 {folder} 之外（是链接吗？）；请把图片复制到该文件夹中</translation>
    </message>
    <message>
        <source>{name} is {megabytes} MB; the limit is {limit} MB (save it smaller)</source>
        <translation>{name} 大小为 {megabytes} MB；上限为 {limit} MB（请另存为更小的文件）</translation>
    </message>
    <message>
        <source>{name} is a {format} file; save it as PNG, JPEG or WebP</source>
        <translation>{name} 是 {format} 文件；请另存为 PNG、JPEG 或 WebP</translation>
    </message>
    <message>
        <source>{name} is {width}x{height} pixels; save it smaller (at most 60 megapixels)</source>
        <translation>{name} 为 {width}x{height} 像素；请另存为更小的图片（最多 6000 万像素）</translation>
    </message>
    <message>
        <source>{name} cannot be read as a picture ({error}); export it again as PNG, JPEG or WebP</source>
        <translation>{name} 无法作为图片读取（{error}）；请重新导出为 PNG、JPEG 或 WebP</translation>
    </message>
    <message>
        <source>&quot;{media}&quot; is {width}x{height} pixels; {place} needs at least {least} pixels across to look sharp</source>
        <translation>“{media}”为 {width}x{height} 像素；{place}至少需要 {least} 像素宽才能显示清晰</translation>
    </message>
    <message>
        <source>a banner</source>
        <translation>横幅</translation>
    </message>
    <message>
        <source>a photo block</source>
        <translation>照片版块</translation>
    </message>
    <message>
        <source>a gallery</source>
        <translation>图集</translation>
    </message>
    <message>
        <source>an industry, company or fact</source>
        <translation>产业、企业或事实</translation>
    </message>
</context>
</TS>
