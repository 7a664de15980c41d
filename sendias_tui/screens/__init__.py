"""The screens of the terminal app: each one is a view the user moves between."""
