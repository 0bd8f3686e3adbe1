"""The bureau's desk (区人力资源局工作台): opened for an identity with role bureau."""
from .desk import BureauDesk

__all__ = ["BureauDesk"]
