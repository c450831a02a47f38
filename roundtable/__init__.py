"""Roundtable: a shared hub for child-protection professionals in South-East Europe."""
