from citetrace.cli import app

app(prog_name="citetrace")
