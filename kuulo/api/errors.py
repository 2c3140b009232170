class Refusal(Exception):
    """An API request refused with an HTTP status and field-named errors."""

    def __init__(self, status: int, errors: dict[str, str]):
        super().__init__(errors)
        self.status = status
        self.errors = errors
