"""The reviewdesk command and application start-up."""
