"""Stage 6: what the app shows: conversation follow-ups, the source viewer and exports."""
