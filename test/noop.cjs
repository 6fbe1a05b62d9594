// Exits at once: its pid is then a process that no longer runs.
