import sys

from django.core.management.base import BaseCommand

from kuulo.feedback.redaction import redact


class Command(BaseCommand):
    help = (
        "Reads text on standard input and prints it with personal identity codes, e-mail addresses, "
        "phone numbers and IBANs replaced by [ID], [EMAIL], [PHONE] and [IBAN]. Works line by line."
    )
    # call_command(..., stdin=...) lets tests and scripts pass their own stream.
    stealth_options = ("stdin",)

    def handle(self, *args, **options) -> None:
        stdin = options.get("stdin") or sys.stdin
        # readline rather than iteration, so that each line is printed as soon as it arrives.
        for line in iter(stdin.readline, ""):
            self.stdout.write(redact(line), ending="")
            self.stdout.flush()
