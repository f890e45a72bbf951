"""Funding structure attached to amounts: splits, periods, labels, budget years, table units."""
