"""Stage 2: files → structured text → chunks. Parsing, per-family profiles, structure, locators and chunking;
pure functions apart from reading the file."""
