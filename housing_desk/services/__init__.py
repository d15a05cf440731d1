"""Business rules: plain functions, no Qt. Every write in Housing Desk goes through here."""
