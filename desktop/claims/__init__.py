"""Numeric claims: parsing numbers, finding claims, and the claim record."""
