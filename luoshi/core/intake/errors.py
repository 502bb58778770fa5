class IntakeError(Exception):
    """A document that cannot be read (corrupt, empty, no text layer, unknown type)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message
