"""What the checks say, in English, with {placeholders}. Qt-free.

Marked like kiosk/ui/strings.py, so pyside6-lupdate extracts them into the translation files and
the staff panel's self-test page shows them in the kiosk's language; ``kiosk doctor`` prints the
English. Commands in the text are exact: a technician may type them as they are.
"""

from __future__ import annotations

from kiosk.wording import QT_TRANSLATE_NOOP

# ---- running the checks
CHECK_FAILED = QT_TRANSLATE_NOOP("Kiosk", "The check '{check}' could not finish: {error}")
CHECK_FAILED_FIX = QT_TRANSLATE_NOOP(
    "Kiosk", "Run 'kiosk doctor --json' on the kiosk PC and send its output with the log to the maintainers.")

# ---- display and screens
NO_DISPLAY = QT_TRANSLATE_NOOP(
    "Kiosk", "There is no display here (neither DISPLAY nor WAYLAND_DISPLAY is set), so the kiosk cannot "
    "open its window from this session.")
NO_DISPLAY_FIX = QT_TRANSLATE_NOOP(
    "Kiosk", "Run the doctor in a terminal on the kiosk's own screen, or name that screen, e.g. "
    "'DISPLAY=:0 kiosk doctor'. The kiosk itself is started by its autostart in the desktop session.")
MISSING_LIBRARIES = QT_TRANSLATE_NOOP("Kiosk", "Qt's X11 platform plugin needs {libraries}, which are not installed.")
INSTALL_PACKAGES = QT_TRANSLATE_NOOP("Kiosk", "sudo apt-get install {packages}")
HEADLESS = QT_TRANSLATE_NOOP(
    "Kiosk", "Qt is set to the '{platform}' platform (QT_QPA_PLATFORM): the kiosk would draw into memory, "
    "not on a screen.")
HEADLESS_FIX = QT_TRANSLATE_NOOP(
    "Kiosk", "Remove QT_QPA_PLATFORM from the kiosk's environment (its autostart entry, unit or shell "
    "profile): unset QT_QPA_PLATFORM")
DISPLAY_OK = QT_TRANSLATE_NOOP("Kiosk", "Display {display}: Qt will use its '{platform}' platform plugin.")
DISPLAY_HUNG = QT_TRANSLATE_NOOP("Kiosk", "The display {display} did not answer within {seconds} s.")
DISPLAY_HUNG_FIX = QT_TRANSLATE_NOOP(
    "Kiosk", "The display server is stuck: log out and in again, or restart the PC. If it happens again, "
    "look at the display server's log (journalctl -b).")
DISPLAY_FAILED = QT_TRANSLATE_NOOP("Kiosk", "Qt cannot open the display {display}: {detail}")
DISPLAY_FAILED_FIX = QT_TRANSLATE_NOOP(
    "Kiosk", "Check that the desktop session is running on the kiosk's screen and that DISPLAY names it; "
    "'QT_DEBUG_PLUGINS=1 kiosk doctor' shows what Qt tried.")
NO_SCREENS = QT_TRANSLATE_NOOP("Kiosk", "Qt finds no screen on the display {display}.")
NO_SCREENS_FIX = QT_TRANSLATE_NOOP(
    "Kiosk", "Check the screen's power and cable, then 'xrandr' (X11) to see whether the PC finds it.")
SCREEN = QT_TRANSLATE_NOOP(
    "Kiosk", "Screen {name} ({primary}): {width} x {height} pixels, {dpi} dpi logical, {physical_dpi} dpi physical, "
    "{width_mm} x {height_mm} mm, pixel ratio {ratio}, {hz} Hz, {orientation}, platform {platform}.")
PRIMARY = QT_TRANSLATE_NOOP("Kiosk", "the kiosk's screen")
SECONDARY = QT_TRANSLATE_NOOP("Kiosk", "another screen")
LANDSCAPE = QT_TRANSLATE_NOOP("Kiosk", "landscape")
PORTRAIT = QT_TRANSLATE_NOOP("Kiosk", "portrait")
INVERTED_LANDSCAPE = QT_TRANSLATE_NOOP("Kiosk", "landscape, upside down")
INVERTED_PORTRAIT = QT_TRANSLATE_NOOP("Kiosk", "portrait, upside down")
UNKNOWN = QT_TRANSLATE_NOOP("Kiosk", "unknown")
SCREEN_SMALL = QT_TRANSLATE_NOOP("Kiosk", "{screen} That is smaller than {smallest}, the smallest size the kiosk is tested at.")
SCREEN_SMALL_FIX = QT_TRANSLATE_NOOP(
    "Kiosk", "Use the screen's full resolution, and check the desktop's scaling (display settings, "
    "QT_SCALE_FACTOR): the kiosk needs at least 1366 x 768 logical pixels.")

# ---- fonts
FONT_MISSING = QT_TRANSLATE_NOOP("Kiosk", "Bundled font missing: {files}. Chinese would be drawn in a system font, or not at all.")
FONT_MISSING_FIX = QT_TRANSLATE_NOOP(
    "Kiosk", "Restore the fonts: in the kiosk's folder run 'git checkout -- resources/fonts' (or reinstall the kiosk).")
FONT_UNLOADABLE = QT_TRANSLATE_NOOP("Kiosk", "The font file {file} cannot be loaded (it does not give the family '{family}').")
FONT_PROBE_FAILED = QT_TRANSLATE_NOOP("Kiosk", "The fonts could not be checked: {detail}")
FONT_GAPS = QT_TRANSLATE_NOOP("Kiosk", "{file} lacks {count} character(s) the kiosk shows: {characters}")
FONT_GAPS_FIX = QT_TRANSLATE_NOOP(
    "Kiosk", "Rebuild the font subset with these characters: see 'Chinese text' in the README "
    "(scripts/build_fonts.py), or write the text with common characters.")
FONTS_OK = QT_TRANSLATE_NOOP(
    "Kiosk", "Both bundled font files load as '{family}' and have all {characters} characters the data and "
    "the interface show.")

# ---- data file
DATA_BUNDLED = QT_TRANSLATE_NOOP(
    "Kiosk", "No data file is set (no data_path in {config}): the kiosk shows the bundled dataset {path}.")
DATA_VALID = QT_TRANSLATE_NOOP("Kiosk", "The data file {path} (set by {set_by}) is valid: the kiosk shows it.")
DATA_INVALID = QT_TRANSLATE_NOOP(
    "Kiosk", "The data file {path} (set by {set_by}) has {count} problem(s), so the kiosk does not show it. "
    "The first: {first}. It shows {shown} instead.")
DATA_INVALID_FIX = QT_TRANSLATE_NOOP(
    "Kiosk", "'{kiosk} validate {path}' lists every problem; once they are fixed the running kiosk shows the "
    "file within a second.")
SHOWS_LAST_GOOD = QT_TRANSLATE_NOOP("Kiosk", "the last good copy {path} (saved {time})")
SHOWS_BUNDLED = QT_TRANSLATE_NOOP("Kiosk", "the bundled dataset {path}")
LAST_GOOD_DAMAGED = QT_TRANSLATE_NOOP(
    "Kiosk", "The last good copy {path} is damaged ({first}), so it cannot stand in for the data file.")
LAST_GOOD_DAMAGED_FIX = QT_TRANSLATE_NOOP(
    "Kiosk", "It is written again the next time the data file is valid; until then it can be deleted: rm {path}")
BUNDLED_INVALID = QT_TRANSLATE_NOOP(
    "Kiosk", "The bundled dataset {path} has {count} problem(s) ({first}): without a valid data file the "
    "kiosk cannot start.")
BUNDLED_INVALID_FIX = QT_TRANSLATE_NOOP(
    "Kiosk", "If a date is 'in the future', set the clock (see the clock check). Otherwise restore the file: "
    "in the kiosk's folder run 'git checkout -- data' (or reinstall the kiosk).")
TABS_OK = QT_TRANSLATE_NOOP("Kiosk", "This kiosk shows {count} of the data's {total} tabs, in this order: {tabs}.")
TABS_UNKNOWN = QT_TRANSLATE_NOOP(
    "Kiosk", "The setting tabs in {path} names {unknown}, which the data has no tab for; the kiosk leaves it "
    "out and shows: {shown}.")
TABS_FIX = QT_TRANSLATE_NOOP(
    "Kiosk", "Use the data's tab ids ({tabs}) in tabs, or delete the line to show every tab; the running kiosk "
    "follows within seconds.")

# ---- configuration and PIN
CONFIG_PROBLEM = QT_TRANSLATE_NOOP(
    "Kiosk", "A setting is not used, and is at its default (the other settings apply): {problem}")
CONFIG_PROBLEM_FIX = QT_TRANSLATE_NOOP(
    "Kiosk", "Correct {path} (the setting names and their defaults: '{kiosk}{option} --print-config'); "
    "the running kiosk takes most settings within seconds.")
CONFIG_ABSENT = QT_TRANSLATE_NOOP("Kiosk", "There is no configuration file {path}: every setting is at its default.")
CONFIG_OK = QT_TRANSLATE_NOOP("Kiosk", "The configuration file {path} is valid.")
PIN_OK = QT_TRANSLATE_NOOP("Kiosk", "A staff PIN is set.")
NO_PIN = QT_TRANSLATE_NOOP(
    "Kiosk", "No staff PIN is set: nobody can open the staff panel (status, self-test, restart, exit) at the screen.")
PIN_IGNORED = QT_TRANSLATE_NOOP(
    "Kiosk", "{path} sets a PIN, but not in a form the kiosk can use (see the configuration check): the staff "
    "panel cannot be opened.")
PIN_MALFORMED = QT_TRANSLATE_NOOP("Kiosk", "The pin_hash in {path} is not one that 'kiosk set-pin' writes: no PIN will open the staff panel.")
SET_PIN_FIX = QT_TRANSLATE_NOOP(
    "Kiosk", "{kiosk} set-pin{option} (4 to 8 digits); the running kiosk takes it within seconds.")

# ---- autostart
NO_AUTOSTART = QT_TRANSLATE_NOOP(
    "Kiosk", "Nothing starts the kiosk at login: neither {unit} nor {desktop} exists.")
INSTALL_AUTOSTART_FIX = QT_TRANSLATE_NOOP("Kiosk", "{kiosk} install-autostart{option}")
TWO_AUTOSTARTS = QT_TRANSLATE_NOOP(
    "Kiosk", "Both {unit} and {desktop} start the kiosk: two kiosks would start at login.")
REMOVE_DESKTOP_FIX = QT_TRANSLATE_NOOP("Kiosk", "Keep the systemd unit (it restarts the kiosk after a crash): rm {desktop}")
DESKTOP_DISABLED = QT_TRANSLATE_NOOP("Kiosk", "{desktop} is there but switched off (Hidden or X-GNOME-Autostart-enabled).")
NO_RESTART_AFTER_CRASH = QT_TRANSLATE_NOOP(
    "Kiosk", "{desktop} starts the kiosk at login, but nothing restarts it after a crash; systemd is available here.")
SWITCH_TO_SYSTEMD_FIX = QT_TRANSLATE_NOOP("Kiosk", "{kiosk} uninstall-autostart && {kiosk} install-autostart --systemd")
DESKTOP_OK = QT_TRANSLATE_NOOP(
    "Kiosk", "{desktop} starts the kiosk at login (there is no systemd here to restart it after a crash).")
SYSTEMD_UNREACHABLE = QT_TRANSLATE_NOOP(
    "Kiosk", "{unit} is installed, but 'systemctl --user' does not answer here ({detail}), so its state is unknown.")
SYSTEMD_UNREACHABLE_FIX = QT_TRANSLATE_NOOP(
    "Kiosk", "Run the doctor as the kiosk user in its desktop session (over ssh: log in as that user while "
    "its desktop is running).")
UNIT_NOT_ENABLED = QT_TRANSLATE_NOOP("Kiosk", "The systemd unit {unit} is installed but not enabled ({state}): it will not start at login.")
ENABLE_UNIT_FIX = QT_TRANSLATE_NOOP("Kiosk", "systemctl --user enable {unit}")
UNIT_FAILED = QT_TRANSLATE_NOOP("Kiosk", "The systemd unit {unit} has failed.")
UNIT_FAILED_FIX = QT_TRANSLATE_NOOP(
    "Kiosk", "See why: journalctl --user -u {unit} -n 50; then start it again: systemctl --user restart {unit}")
UNIT_NOT_RUNNING = QT_TRANSLATE_NOOP("Kiosk", "The systemd unit {unit} is enabled but not running now ({state}).")
START_UNIT_FIX = QT_TRANSLATE_NOOP("Kiosk", "systemctl --user start {unit} (a staff exit leaves it stopped until the next login)")
UNIT_OK = QT_TRANSLATE_NOOP("Kiosk", "The systemd unit {unit} is enabled and running; it restarts the kiosk after a crash.")
AUTOSTART_DANGLING = QT_TRANSLATE_NOOP(
    "Kiosk", "{file} starts {program}, which does not exist (was the kiosk's folder moved or deleted?).")

# ---- disk
NOT_A_FOLDER = QT_TRANSLATE_NOOP("Kiosk", "{folder} cannot be created: {path} is a file, not a folder.")
NOT_A_FOLDER_FIX = QT_TRANSLATE_NOOP("Kiosk", "Move the file away: mv {path} {path}.old")
NOT_WRITABLE = QT_TRANSLATE_NOOP("Kiosk", "The kiosk cannot write in {folder}: {error}.")
NOT_WRITABLE_FIX = QT_TRANSLATE_NOOP(
    "Kiosk", "Give the kiosk user the folder: sudo chown -R $USER {folder} (and check 'mount' for a read-only disk).")
LOW_ROOM = QT_TRANSLATE_NOOP("Kiosk", "{folder}: only {free} MB free; the kiosk may need {room} MB there.")
LOW_ROOM_FIX = QT_TRANSLATE_NOOP(
    "Kiosk", "Free some space on that disk (see 'df -h {folder}' and 'du -sh ~/* | sort -h').")
ROOM_OK = QT_TRANSLATE_NOOP("Kiosk", "{folder}: writable, {free} MB free.")

# ---- clock
NO_TIMEZONE = QT_TRANSLATE_NOOP("Kiosk", "The time zone cannot be found; the clock says {now}.")
UTC_TIMEZONE = QT_TRANSLATE_NOOP(
    "Kiosk", "The time zone is {zone} (the clock says {now}): visits would be counted by UTC days and hours, "
    "not the visitor centre's.")
SET_TIMEZONE_FIX = QT_TRANSLATE_NOOP("Kiosk", "sudo timedatectl set-timezone {zone}")
TIMEZONE_OK = QT_TRANSLATE_NOOP("Kiosk", "The time zone is {zone}; the clock says {now}.")
SYNC_UNKNOWN = QT_TRANSLATE_NOOP("Kiosk", "Whether the clock is synchronised cannot be checked here ({detail}).")
SYNC_UNKNOWN_FIX = QT_TRANSLATE_NOOP("Kiosk", "Compare the clock with a phone; on a PC with systemd, see 'timedatectl status'.")
SYNC_OK = QT_TRANSLATE_NOOP("Kiosk", "The clock is synchronised with a time server.")
SYNC_OFF = QT_TRANSLATE_NOOP("Kiosk", "Clock synchronisation (NTP) is switched off: the clock drifts.")
NOT_SYNCED = QT_TRANSLATE_NOOP("Kiosk", "The clock is not synchronised with a time server (yet).")
SYNC_FIX = QT_TRANSLATE_NOOP("Kiosk", "sudo timedatectl set-ntp true (it needs the network; 'timedatectl timesync-status' shows the server)")
CLOCK_BEHIND = QT_TRANSLATE_NOOP(
    "Kiosk", "The clock says {today}, before {latest}, a date in {path}: the clock is wrong, and the kiosk "
    "rejects data dated in its future.")
CLOCK_BEHIND_FIX = QT_TRANSLATE_NOOP(
    "Kiosk", "sudo timedatectl set-ntp true, or set it by hand: sudo timedatectl set-time 'YYYY-MM-DD HH:MM:SS'")
CLOCK_DATE_OK = QT_TRANSLATE_NOOP("Kiosk", "The date {today} is after the data's latest date ({latest}).")

# ---- last crash
NO_LOG = QT_TRANSLATE_NOOP("Kiosk", "There is no log in {folder} yet: the kiosk has not run as this user.")
NO_CRASH = QT_TRANSLATE_NOOP("Kiosk", "No crash in the log ({count} file(s) in {folder}).")
LAST_CRASH = QT_TRANSLATE_NOOP("Kiosk", "Last crash: {time}, {error} (first traceback line: {frame}); in {file}.")
LAST_CRASH_FIX = QT_TRANSLATE_NOOP(
    "Kiosk", "The whole traceback is in {file} at {time}: send that part of the log to the maintainers.")
BLANKING_NOT_X11 = QT_TRANSLATE_NOOP(
    "Kiosk", "No X11 display here: screen saver and DPMS timeouts are not checked (on Wayland the compositor decides).")
BLANKING_UNKNOWN = QT_TRANSLATE_NOOP("Kiosk", "Could not read the X display's screen saver and DPMS settings: {detail}.")
BLANKING_UNKNOWN_FIX = QT_TRANSLATE_NOOP(
    "Kiosk", "Install xset (sudo apt-get install x11-xserver-utils) and run the doctor on the kiosk's display.")
BLANKING_OFF = QT_TRANSLATE_NOOP("Kiosk", "The X display does not blank the screen by itself.")
BLANKING_ON = QT_TRANSLATE_NOOP("Kiosk", "The screen would go dark during opening hours: {what}.")
BLANKING_FIX = QT_TRANSLATE_NOOP(
    "Kiosk", "Run '{command}' in the kiosk's desktop session, and add it to the session's start-up so that it "
    "survives a reboot (see resources/linux/README.md).")

# ---- speech for blind visitors
SPEECH_ENGINE_FAILED = QT_TRANSLATE_NOOP("Kiosk", "The speech engine does not start: {detail}")
SPEECH_ENGINE_FIX = QT_TRANSLATE_NOOP(
    "Kiosk", "Reinstall the kiosk's dependencies: delete the .venv folder and start ./run-kiosk once (it installs "
    "espeakng-loader and miniaudio again).")
SPEECH_SILENT = QT_TRANSLATE_NOOP("Kiosk", "The speech engine gives no audio for {language}.")
SPEECH_NOT_MANDARIN = QT_TRANSLATE_NOOP(
    "Kiosk", "The speech engine does not read Chinese as Mandarin (no tones in '{phonemes}'): it would spell "
    "the characters out.")
SPEECH_OK = QT_TRANSLATE_NOOP(
    "Kiosk", "espeak-ng {version} speaks English ({english} s for the test sentence) and Mandarin with tones "
    "({chinese} s).")
SPEECH_OUTPUT_OK = QT_TRANSLATE_NOOP("Kiosk", "Speech plays through the audio output '{output}' ({backend}).")
SPEECH_OUTPUT_NULL = QT_TRANSLATE_NOOP(
    "Kiosk", "speech_output is \"null\": speech is made but nobody hears it.")
SPEECH_OUTPUT_NULL_FIX = QT_TRANSLATE_NOOP(
    "Kiosk", "Set speech_output = \"default\" (or a playback device's name) in {config}, then check with "
    "'kiosk speak \"test\"'.")
SPEECH_OUTPUT_FAILED = QT_TRANSLATE_NOOP("Kiosk", "Speech cannot be heard. {detail}")
SPEECH_OUTPUT_FIX = QT_TRANSLATE_NOOP(
    "Kiosk", "Connect and switch on the speakers, check the volume and mute in the desktop's sound settings "
    "(or alsamixer), then 'kiosk speak \"test\"'. Another device: set speech_output in {config}.")

# What the self-test page calls each finding (the command prints the ids).
TITLES = {
    "display": QT_TRANSLATE_NOOP("Kiosk", "Display"),
    "screen": QT_TRANSLATE_NOOP("Kiosk", "Screen"),
    "fonts": QT_TRANSLATE_NOOP("Kiosk", "Fonts"),
    "data": QT_TRANSLATE_NOOP("Kiosk", "Data file"),
    "config": QT_TRANSLATE_NOOP("Kiosk", "Configuration"),
    "pin": QT_TRANSLATE_NOOP("Kiosk", "Staff PIN"),
    "autostart": QT_TRANSLATE_NOOP("Kiosk", "Start at login"),
    "screen-blanking": QT_TRANSLATE_NOOP("Kiosk", "Screen blanking"),
    "disk-logs": QT_TRANSLATE_NOOP("Kiosk", "Disk: logs"),
    "disk-data": QT_TRANSLATE_NOOP("Kiosk", "Disk: data and analytics"),
    "disk-analytics": QT_TRANSLATE_NOOP("Kiosk", "Disk: analytics"),
    "timezone": QT_TRANSLATE_NOOP("Kiosk", "Time zone"),
    "clock-sync": QT_TRANSLATE_NOOP("Kiosk", "Clock synchronisation"),
    "clock-date": QT_TRANSLATE_NOOP("Kiosk", "Date"),
    "last-crash": QT_TRANSLATE_NOOP("Kiosk", "Last crash"),
    "speech": QT_TRANSLATE_NOOP("Kiosk", "Speech"),
    "speech-output": QT_TRANSLATE_NOOP("Kiosk", "Speech: audio output"),
}


def templates() -> list[str]:
    """Every text above, for the checks that cover all interface text (translations, fonts)."""
    texts = [value for name, value in globals().items() if name.isupper() and isinstance(value, str)]
    return texts + [title for title in TITLES.values() if title not in texts]
