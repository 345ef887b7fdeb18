"""Drafter: Vietnamese administrative documents laid out by Nghị định 30/2020/NĐ-CP."""

__version__ = "0.1.0"
