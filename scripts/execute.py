"""Runs the book's Python as a reader would and reports what each block printed and drew.

Reads a JSON job from stdin (written by scripts/execute.ts):
  {"pages": [{"file": "content/weeks/05.mdx", "blocks": [{"line": 167, "code": "..."}],
              "inline": [{"line": 96, "expr": "f'{r:.2f}'"}]}],
   "notebooks": ["notebooks/week-01.ipynb"], "dataDir": "public", "figureDir": "...",
   "blockTimeout": 60, "pageTimeout": 300, "notebookTimeout": 120, "jobs": 2}
and writes one JSON result to stdout. Progress lines go to stderr.

What a block writes to stderr is captured, never dropped: every warning (shown even where
Python hides DeprecationWarning by default) comes back as "file:line: Category: message",
with the line inside the block that raised it, so the run can fail on it.

Each page runs in its own process, forked from one that has already imported the
numeric stack the pages use, so every page starts from a clean namespace without
paying the import cost again. Blocks of a page share that namespace, in order, from the data
folder's parent (so "data/x.csv" resolves as it does for a reader).
"""
import ast
import contextlib
import importlib
import importlib.metadata
import io
import json
import multiprocessing as mp
import os
import random
import re
import shutil
import signal
import sys
import time
import traceback
import warnings

os.environ.setdefault('MPLBACKEND', 'Agg')
os.environ['PYTHONHASHSEED'] = '0'
os.environ.setdefault('OPENBLAS_NUM_THREADS', '1')
# Quiet the kernels' debugger notice; it is not about the book.
os.environ['PYDEVD_DISABLE_FILE_VALIDATION'] = '1'
# joblib's n_jobs=-1 would start process pools inside a page's forked process, which outlive it;
# threads do the same work here, and pages already run side by side.
os.environ.setdefault('JOBLIB_MULTIPROCESSING', '0')

import matplotlib  # noqa: E402

matplotlib.use('Agg')
import matplotlib.pyplot as plt  # noqa: E402
import numpy  # noqa: E402

# The numeric stack beyond what this runner needs, by the top-level package a page imports:
# imported once before the pages fork when some page imports that package (the book imports
# all of them). Importing all of it took most of a small course's run.
NUMERIC_STACK = {
	'pandas': ['pandas'],
	'scipy': ['scipy', 'scipy.stats'],
	'sklearn': ['sklearn', 'sklearn.linear_model'],
	'seaborn': ['seaborn'],
	'statsmodels': ['statsmodels', 'statsmodels.api'],
}

# Deterministic SVG: ids from a fixed salt, text kept as text, no creation date.
SVG_RC = {'svg.hashsalt': 'course-book', 'svg.fonttype': 'none', 'figure.max_open_warning': 0}


class BlockTimeout(Exception):
	pass


def versions():
	"""The releases that print the book's outputs, by the names a learner installs them under."""
	import platform
	out = {'python': platform.python_version()}
	for name in ('numpy', 'pandas', 'scikit-learn', 'scipy', 'matplotlib', 'statsmodels', 'seaborn'):
		out[name] = importlib.metadata.version(name).split('+')[0]
	return out


def imported_packages(job):
	"""Top-level packages the job's blocks import. A block that does not parse imports nothing
	here; its page reports the syntax error when it runs."""
	packages = set()
	for page in job['pages']:
		for block in page['blocks']:
			try:
				tree = ast.parse(block['code'])
			except SyntaxError:
				continue
			for node in ast.walk(tree):
				if isinstance(node, ast.Import):
					packages.update(alias.name.split('.')[0] for alias in node.names)
				elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
					packages.add(node.module.split('.')[0])
	return packages


def preload(packages):
	for package, modules in NUMERIC_STACK.items():
		if package in packages:
			for module in modules:
				importlib.import_module(module)


def first_line(text):
	return next((line.strip() for line in str(text).splitlines() if line.strip()), '')


def block_warnings(page_file, block_line, filename):
	"""A warnings.showwarning that records "file:line: Category: message" for the running block."""
	found = []

	def show(message, category, warned_file, lineno, file=None, line=None):
		inside = lineno if warned_file == filename else None
		if inside is None:
			# Raised inside a library: the block's innermost frame on the stack is the line that called it.
			frame = sys._getframe(1)
			while frame is not None and frame.f_code.co_filename != filename:
				frame = frame.f_back
			inside = frame.f_lineno if frame is not None else None
		where = f'{page_file}:{block_line + inside}' if inside else f'{page_file}:{block_line}'
		found.append(f'{where}: {category.__name__}: {first_line(message)}')

	return found, show


def figure_alt(fig):
	"""A text alternative from what the figure says about itself: its titles and axis labels."""
	parts = []
	suptitle = getattr(fig, '_suptitle', None)
	if suptitle is not None and suptitle.get_text():
		parts.append(suptitle.get_text())
	for ax in fig.axes:
		title = ax.get_title() or ax.get_title('left')
		labels = [t for t in (ax.get_xlabel(), ax.get_ylabel()) if t]
		if title and labels:
			parts.append(f'{title} ({" against ".join(reversed(labels))})')
		elif title:
			parts.append(title)
		elif labels:
			parts.append(' against '.join(reversed(labels)))
	seen = []
	for p in parts:
		if p not in seen:
			seen.append(p)
	n = len(fig.axes)
	head = 'Figure' if n <= 1 else f'Figure with {n} panels'
	return head + (': ' + '; '.join(seen[:12]) if seen else '')


def evaluate_inline(page, namespace, timeout, progress):
	"""The values of a page's inline expressions (`{python} expr` in its prose), in the
	namespace its blocks left behind. Each gives str() of its result, or an error
	naming the file and line of the code span."""
	values = []
	for index, item in enumerate(page.get('inline', [])):
		# Past the blocks, so a crash is blamed on this expression (see run_pages).
		progress.value = len(page['blocks']) + index
		where = f"{page['file']}:{item['line']}"
		entry = {'line': item['line'], 'expr': item['expr'], 'value': None, 'error': None}
		try:
			# Whatever it prints would land in the JSON result on stdout.
			with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
				signal.alarm(timeout)
				try:
					entry['value'] = str(eval(compile(item['expr'], where, 'eval'), namespace))
				finally:
					signal.alarm(0)
		except BlockTimeout:
			entry['error'] = f"{where}: inline expression `{item['expr']}` timed out after {timeout} s"
		except BaseException as error:  # noqa: BLE001 - like a block, an expression may raise anything
			message = error.msg if isinstance(error, SyntaxError) else (str(error).splitlines()[0] if str(error) else '')
			entry['error'] = f"{where}: inline expression `{item['expr']}` failed: {type(error).__name__}: {message}"
		values.append(entry)
	plt.close('all')
	return values


def run_page(page, job, conn, progress):
	"""Runs one page's blocks in one namespace; sends a list of block results on conn."""
	os.chdir(job['dataDir'])
	plt.rcParams.update(SVG_RC)
	random.seed(0)
	numpy.random.seed(0)
	# Every warning, once per place: DeprecationWarning from a library is hidden by default.
	warnings.simplefilter('default')
	namespace = {'__name__': '__main__'}
	results = []

	def on_alarm(signum, frame):
		raise BlockTimeout()

	signal.signal(signal.SIGALRM, on_alarm)
	for index, block in enumerate(page['blocks']):
		progress.value = index
		result = {'line': block['line'], 'stdout': '', 'figures': [], 'error': None, 'seconds': 0.0, 'warnings': [], 'stderr': ''}
		if block.get('noRun'):
			result['skipped'] = True
			results.append(result)
			continue
		out = io.StringIO()
		err = io.StringIO()
		started = time.perf_counter()
		filename = f"{page['file']}:{block['line']}"
		result['warnings'], warnings.showwarning = block_warnings(page['file'], block['line'], filename)
		try:
			with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
				signal.alarm(job['blockTimeout'])
				try:
					exec(compile(block['code'], filename, 'exec'), namespace)
				finally:
					signal.alarm(0)
		except BlockTimeout:
			result['error'] = f"{page['file']}:{block['line']}: timed out after {job['blockTimeout']} s"
		except BaseException as error:  # noqa: BLE001 - a reader's block may raise anything, SystemExit included
			frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == filename]
			line = block['line'] + (frames[-1].lineno if frames else 1)
			message = str(error).splitlines()[0] if str(error) else ''
			result['error'] = f"{page['file']}:{line}: {type(error).__name__}: {message}"
		result['seconds'] = round(time.perf_counter() - started, 3)
		result['stdout'] = out.getvalue()
		result['stderr'] = err.getvalue()
		for number in plt.get_fignums():
			fig = plt.figure(number)
			name = f"{page['file'].replace('content/', '', 1).replace('/', '-').rsplit('.', 1)[0]}-{block['id']}-{len(result['figures']) + 1}.svg"
			path = os.path.join(job['figureDir'], name)
			fig.savefig(path, format='svg', metadata={'Date': None}, bbox_inches='tight')
			result['figures'].append({'file': name, 'alt': figure_alt(fig)})
		plt.close('all')
		results.append(result)
	conn.send((results, evaluate_inline(page, namespace, job['blockTimeout'], progress)))
	conn.close()
	# Leave at once: exit handlers would wait on worker pools a block started (joblib's n_jobs=-1).
	sys.stdout.flush()
	os._exit(0)


def run_pages(job):
	ctx = mp.get_context('fork')
	pending = list(job['pages'])
	running = []
	done = {}
	while pending or running:
		while pending and len(running) < job['jobs']:
			page = pending.pop(0)
			receive, send = ctx.Pipe(duplex=False)
			progress = ctx.Value('i', 0)
			process = ctx.Process(target=run_page, args=(page, job, send, progress))
			process.start()
			send.close()
			running.append((page, process, receive, progress, time.perf_counter()))
		time.sleep(0.02)
		for entry in list(running):
			page, process, receive, progress, started = entry
			elapsed = time.perf_counter() - started
			results, inline = None, []
			if receive.poll():
				try:
					results, inline = receive.recv()
				except EOFError:
					results = None
			if results is None and process.is_alive() and elapsed < job['pageTimeout']:
				continue
			if results is None:
				# Crashed or hung past SIGALRM (a C extension that never returns): kill it and blame the block.
				process.kill()
				block = (page['blocks'] + page.get('inline', []))[progress.value]
				reason = f"timed out after {job['pageTimeout']} s" if elapsed >= job['pageTimeout'] else f'process died (exit code {process.exitcode})'
				results = [{'line': block['line'], 'stdout': '', 'figures': [], 'error': f"{page['file']}:{block['line']}: {reason}", 'seconds': round(elapsed, 3), 'warnings': [], 'stderr': ''}]
			process.join(5)
			if process.is_alive():
				process.kill()
				process.join()
			running.remove(entry)
			done[page['file']] = {'file': page['file'], 'seconds': round(elapsed, 3), 'blocks': results, 'inline': inline}
			failed = [r['error'] for r in results + inline if r['error']]
			print(f"  {page['file']}: {len(results)} blocks, {elapsed:.1f} s{' FAILED' if failed else ''}", file=sys.stderr, flush=True)
	return [done[p['file']] for p in job['pages']]


# Run first in every notebook's kernel (and left out of its cell numbers): warnings show
# as they would in a plain Python session with -W default, DeprecationWarning included.
WARNINGS_CELL = 'import warnings\nwarnings.simplefilter("default")'
# "/tmp/ipykernel_123/456.py:2: FutureWarning: ..." (a warning raised by the cell's own code) or
# "/site-packages/x.py:10: DeprecationWarning: ..." (raised inside a library).
WARNING_LINE = re.compile(r'^(?P<file>.+?):(?P<line>\d+): (?P<category>\w+): (?P<message>.*)$')


def stderr_problems(path, number, text):
	"""The problems a cell's stderr stream shows, as "notebook: cell N: ..." lines."""
	problems = []
	for line in text.splitlines():
		match = WARNING_LINE.match(line)
		if match and match['category'].endswith('Warning'):
			inside = f" line {match['line']}" if 'ipykernel_' in match['file'] else ''
			problems.append(f"{path}: cell {number}{inside}: {match['category']}: {match['message'].strip()}")
	if not problems and text.strip():
		problems.append(f'{path}: cell {number}: wrote to stderr: {first_line(text)}')
	return problems


def run_notebook(path, timeout):
	import tempfile

	import nbformat
	from jupyter_client.manager import KernelManager
	from nbclient import NotebookClient
	from nbclient.exceptions import CellExecutionError, CellTimeoutError

	started = time.perf_counter()
	problems = []
	with open(path, encoding='utf-8') as handle:
		raw = json.load(handle)
	missing = [i + 1 for i, cell in enumerate(raw.get('cells', [])) if 'id' not in cell]
	if missing:
		cells = ('cell ' if len(missing) == 1 else 'cells ') + ', '.join(map(str, missing))
		problems.append(f'{path}: {cells} {"has" if len(missing) == 1 else "have"} no id; give each cell an "id" (nbformat.validator.normalize adds them)')
	with warnings.catch_warnings():
		warnings.simplefilter('ignore')  # reported above, in the book's own words
		notebook = nbformat.read(path, as_version=4)
	notebook.cells.insert(0, nbformat.v4.new_code_cell(WARNINGS_CELL))
	# IPC sockets in a private folder: over TCP the kernel warns that its traffic is unencrypted.
	sockets = tempfile.mkdtemp(prefix='book-kernel-')
	manager = KernelManager(kernel_name='python3', transport='ipc', connection_file=os.path.join(sockets, 'kernel.json'))
	client = NotebookClient(notebook, km=manager, timeout=timeout, kernel_name='python3', resources={'metadata': {'path': os.path.dirname(path) or '.'}})
	error = None
	try:
		client.execute()
	except CellTimeoutError:
		error = f'{path}: a cell timed out after {timeout} s'
	except CellExecutionError as failure:
		# Cell numbers count the notebook's own cells from 1; the warnings cell is index 0.
		cell = next((i for i, c in enumerate(notebook.cells) if c.cell_type == 'code' and any(o.get('output_type') == 'error' for o in c.get('outputs', []))), None)
		detail = f'{failure.ename}: {str(failure.evalue).splitlines()[0] if failure.evalue else ""}'
		error = f'{path}: cell {cell if cell is not None else "?"}: {detail}'
	except Exception as failure:  # noqa: BLE001 - kernel start failures and the like
		error = f'{path}: {type(failure).__name__}: {failure}'
	finally:
		# The client leaves a kernel it was handed running; stop it before its sockets go.
		with contextlib.suppress(Exception):
			if manager.has_kernel:
				manager.shutdown_kernel(now=True)
		shutil.rmtree(sockets, ignore_errors=True)
	for number, cell in enumerate(notebook.cells):
		if number == 0:
			continue
		text = ''.join(o.get('text', '') for o in cell.get('outputs', []) if o.get('output_type') == 'stream' and o.get('name') == 'stderr')
		problems.extend(stderr_problems(path, number, text))
	elapsed = time.perf_counter() - started
	print(f"  {path}: {elapsed:.1f} s{' FAILED' if error else ''}", file=sys.stderr, flush=True)
	return {'file': path, 'seconds': round(elapsed, 3), 'error': error, 'warnings': problems}


def main():
	job = json.load(sys.stdin)
	job['dataDir'] = os.path.abspath(job['dataDir'])
	job['figureDir'] = os.path.abspath(job['figureDir'])
	os.makedirs(job['figureDir'], exist_ok=True)
	result = {'versions': versions()}
	preload(imported_packages(job))
	started = time.perf_counter()
	result['pages'] = run_pages(job) if job['pages'] else []
	result['pagesSeconds'] = round(time.perf_counter() - started, 3)
	started = time.perf_counter()
	notebooks = []
	if job['notebooks']:
		from concurrent.futures import ThreadPoolExecutor

		with ThreadPoolExecutor(max_workers=job['jobs']) as pool:
			notebooks = list(pool.map(lambda p: run_notebook(p, job['notebookTimeout']), job['notebooks']))
	result['notebooks'] = notebooks
	result['notebooksSeconds'] = round(time.perf_counter() - started, 3)
	json.dump(result, sys.stdout)


if __name__ == '__main__':
	main()
