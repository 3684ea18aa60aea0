# Prints the time the job ran; a Python 3 runbook for the Automation case.
import datetime

print(datetime.datetime.now(datetime.timezone.utc).isoformat())
