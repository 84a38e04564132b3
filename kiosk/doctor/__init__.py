"""``kiosk doctor``: checks a technician runs on the kiosk PC, each with the fix for what it finds. Qt-free.

Every check is one function ``check(env) -> Finding | Iterable[Finding]`` registered in
kiosk.doctor.checks.CHECKS; the command (kiosk.doctor.command) and the staff panel's self-test
page run the same registry. Checks that need Qt (the screen, the fonts) ask a short-lived
subprocess (kiosk.doctor.probe), so a broken display can neither hang nor abort the doctor.
"""
