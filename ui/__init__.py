"""Qt widgets and views; they talk to review_model, never to SQL or files."""
