"""The Ray engine gives the same files as the local engine (one local Ray instance for the module)."""

from __future__ import annotations

from pathlib import Path

import pytest
from batch_corpus import snapshot

from newsprism.batch import run_batch

pytestmark = [pytest.mark.batch, pytest.mark.ray, pytest.mark.slow]


@pytest.mark.filterwarnings("ignore")  # Ray's own warnings (deprecations in its dependencies)
def test_ray_engine_matches_local(ray_session: None, archive: Path, local_out: Path, tmp_path: Path) -> None:
    out = tmp_path / "ray-out"
    summary = run_batch(archive, out, "ray", progress=lambda _m: None)
    assert summary.engine == "ray" and summary.shards_done == 3
    ray_snap, local_snap = snapshot(out), snapshot(local_out)
    assert ray_snap["tables"].keys() == local_snap["tables"].keys()
    for table in local_snap["tables"]:
        assert ray_snap["tables"][table] == local_snap["tables"][table], table
    assert ray_snap["reports"] == local_snap["reports"]

    again = run_batch(archive, out, "ray", progress=lambda _m: None)
    assert again.shards_done == 0 and again.groups_done == 0


@pytest.mark.filterwarnings("ignore")
def test_block_clustering_on_ray_matches_local(ray_session: None, tmp_path: Path) -> None:
    """Blocks, edge sets and undated attachment as Ray tasks give the same stories, ids included, as the
    local loop."""
    from blocks_corpus import BLOCK_DAYS, archive_rows, write_articles_part

    from newsprism.batch.blocks import cluster_in_blocks
    from newsprism.batch.engines import LocalEngine, RayEngine
    from newsprism.settings import Settings

    dated = archive_rows()
    undated = [{**r, "id": f"u{r['id']}", "published": None} for r in dated if r["id"].startswith("vote")]
    rows = write_articles_part([*dated, *undated], tmp_path)
    with LocalEngine(tmp_path, Settings()) as local, RayEngine(tmp_path, Settings()) as remote:
        here = cluster_in_blocks(rows, local.cluster, BLOCK_DAYS, attach=local.attach)
        there = cluster_in_blocks(rows, remote.cluster, BLOCK_DAYS, attach=remote.attach)
    assert here.merged == 1  # the straddling story was merged on both
    assert here.attached == len(undated)  # the undated copies joined their dated story on both
    assert there.stories == here.stories
    assert there.blocks == here.blocks and there.edge_articles == here.edge_articles
