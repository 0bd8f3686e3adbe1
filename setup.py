"""Build hook: compile the Qt translation sources (.ts) into .qm files at build time."""
import importlib.util
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


def _translations_module():
    spec = importlib.util.spec_from_file_location("rd_translations", HERE / "tools" / "translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class BuildWithTranslations(build_py):
    def run(self):
        tools = _translations_module()
        if getattr(self, "editable_mode", False):
            tools.compile_all()  # editable installs read resources/ from the source tree
            super().run()
        else:
            super().run()
            tools.compile_all(out_dir=Path(self.build_lib) / "resources" / "translations")


setup(cmdclass={"build_py": BuildWithTranslations})
