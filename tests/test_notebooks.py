"""The analyst notebooks: stored without outputs, free of logic of their own, and run top to bottom.

Each notebook is executed with nbclient in a Jupyter kernel on this interpreter (a kernelspec written
to a temporary folder, so nothing is registered globally and a fresh ``make test`` venv works), in
``notebooks/`` as working directory, with its build written to a temporary folder
(``NEWSGRAPH_NOTEBOOK_OUT``) and ``NEO4J_URI`` unset, so the Neo4j notebook asks the embedded store.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")
pytest.importorskip("pandas")
pytest.importorskip("matplotlib")

from newsgraph.analysis import OUT_ENV  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
NAMES = ["explore", "neo4j", "rdf"]
CELL_TIMEOUT = 300
MAX_CODE_LINES = 10  # anything longer belongs in newsgraph.analysis


def _read(name: str):
    return nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)


def test_every_notebook_is_tested():
    assert sorted(p.stem for p in NOTEBOOKS.glob("*.ipynb")) == sorted(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_stored_without_outputs(name):
    nb = _read(name)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code
    for cell in code:
        assert cell.outputs == [], f"{name}: a code cell has stored outputs:\n{cell.source}"
        assert cell.execution_count is None, f"{name}: a code cell has an execution count:\n{cell.source}"


@pytest.mark.parametrize("name", NAMES)
def test_no_logic_in_notebooks(name):
    nb = _read(name)
    assert nb.cells[0].cell_type == "markdown", f"{name} should open by saying what it answers"
    assert sum(c.cell_type == "markdown" for c in nb.cells) >= len(nb.cells) // 3
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        lines = [ln for ln in cell.source.splitlines() if ln.strip()]
        assert len(lines) <= MAX_CODE_LINES, f"{name}: a long code cell belongs in newsgraph.analysis:\n{cell.source}"
        for line in lines:
            assert not line.lstrip().startswith(("def ", "class ", "for ", "while ", "with ")), \
                f"{name}: logic belongs in newsgraph.analysis: {line}"


@pytest.fixture(scope="module")
def kernel_spec_dir(tmp_path_factory) -> Path:
    """A kernelspec for this interpreter in a private folder (never installed anywhere)."""
    root = tmp_path_factory.mktemp("kernels")
    spec = root / "newsgraph-test"
    spec.mkdir()
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "newsgraph tests", "language": "python"}), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def notebook_out(tmp_path_factory) -> Path:
    """One build folder shared by the notebooks, so later ones reuse the extraction cache."""
    return tmp_path_factory.mktemp("notebook-build") / "newsgraph-out"


def _execute(name: str, kernel_spec_dir: Path):
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import KernelManager

    nb = _read(name)
    km = KernelManager(kernel_name="newsgraph-test",
                       kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(kernel_spec_dir)]))
    client = nbclient.NotebookClient(nb, km=km, timeout=CELL_TIMEOUT, allow_errors=False,
                                     resources={"metadata": {"path": str(NOTEBOOKS)}})
    client.execute()
    return nb


def _outputs(nb, mime: str) -> list[str]:
    return [o["data"][mime] for c in nb.cells if c.cell_type == "code" for o in c.outputs
            if o.get("output_type") in ("execute_result", "display_data") and mime in o.get("data", {})]


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_notebook_runs(name, kernel_spec_dir, notebook_out, monkeypatch):
    monkeypatch.setenv(OUT_ENV, str(notebook_out))
    monkeypatch.delenv("NEO4J_URI", raising=False)
    litter = NOTEBOOKS / "newsgraph-out"
    existed = litter.exists()

    nb = _execute(name, kernel_spec_dir)  # raises CellExecutionError on the first failing cell

    assert existed or not litter.exists(), "the notebook wrote into notebooks/ instead of $" + OUT_ENV
    assert (notebook_out / "graph.ttl").is_file()
    html = "\n".join(_outputs(nb, "text/html"))
    if name == "explore":
        assert len(_outputs(nb, "image/png")) >= 2, "the supporter chart and the heat map"
        assert "<iframe srcdoc=" in html, "the interactive graph inline"
        assert "Hayat Tahrir al-Sham" in html and "Saudi Arabia" in html  # who-fights-whom on examples/
    elif name == "neo4j":
        assert "embedded FalkorDB store" in "\n".join(_outputs(nb, "text/plain"))
        assert "Kata&#x27;ib Hezbollah" in html or "Kata'ib Hezbollah" in html  # relations-of Iran
    else:
        assert "Iran reportedly arms the Houthis" in html  # the provenance question's hedged sentence
