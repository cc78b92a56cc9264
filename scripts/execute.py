"""Runs the book's Python as a reader would and reports what each block printed and drew.

Reads a JSON job from stdin (written by scripts/execute.ts):
  {"pages": [{"file": "content/weeks/05.mdx", "blocks": [{"line": 167, "code": "..."}],
              "inline": [{"line": 96, "expr": "f'{r:.2f}'"}]}],
   "notebooks": ["notebooks/week-01.ipynb"], "dataDir": "public", "figureDir": "...",
   "blockTimeout": 60, "pageTimeout": 300, "notebookTimeout": 120, "jobs": 2}
and writes one JSON result to stdout. Progress lines go to stderr.

Each page runs in its own process, forked from one that has already imported the
numeric stack, so every page starts from a clean namespace without paying the
import cost again. Blocks of a page share that namespace, in order, from the data
folder's parent (so "data/x.csv" resolves as it does for a reader).
"""
import contextlib
import io
import json
import multiprocessing as mp
import os
import random
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
import pandas  # noqa: E402
import scipy  # noqa: E402
import sklearn  # noqa: E402
import statsmodels  # noqa: E402
import statsmodels.api  # noqa: E402,F401
import sklearn.linear_model  # noqa: E402,F401
import scipy.stats  # noqa: E402,F401

# Deterministic SVG: ids from a fixed salt, text kept as text, no creation date.
SVG_RC = {'svg.hashsalt': 'course-book', 'svg.fonttype': 'none', 'figure.max_open_warning': 0}


class BlockTimeout(Exception):
	pass


def versions():
	import platform
	out = {'python': platform.python_version()}
	for mod in (numpy, scipy, pandas, sklearn, matplotlib, statsmodels):
		out[mod.__name__] = mod.__version__.split('+')[0]
	try:
		import nbclient
		out['nbclient'] = nbclient.__version__
	except ImportError:
		pass
	return out


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
	namespace = {'__name__': '__main__'}
	results = []

	def on_alarm(signum, frame):
		raise BlockTimeout()

	signal.signal(signal.SIGALRM, on_alarm)
	for index, block in enumerate(page['blocks']):
		progress.value = index
		result = {'line': block['line'], 'stdout': '', 'figures': [], 'error': None, 'seconds': 0.0}
		if block.get('noRun'):
			result['skipped'] = True
			results.append(result)
			continue
		out = io.StringIO()
		started = time.perf_counter()
		filename = f"{page['file']}:{block['line']}"
		try:
			with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
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
				results = [{'line': block['line'], 'stdout': '', 'figures': [], 'error': f"{page['file']}:{block['line']}: {reason}", 'seconds': round(elapsed, 3)}]
			process.join(5)
			if process.is_alive():
				process.kill()
				process.join()
			running.remove(entry)
			done[page['file']] = {'file': page['file'], 'seconds': round(elapsed, 3), 'blocks': results, 'inline': inline}
			failed = [r['error'] for r in results + inline if r['error']]
			print(f"  {page['file']}: {len(results)} blocks, {elapsed:.1f} s{' FAILED' if failed else ''}", file=sys.stderr, flush=True)
	return [done[p['file']] for p in job['pages']]


def run_notebook(path, timeout):
	warnings.filterwarnings('ignore', message='Code cell is missing an id field')
	import nbformat
	from nbclient import NotebookClient
	from nbclient.exceptions import CellExecutionError, CellTimeoutError

	started = time.perf_counter()
	notebook = nbformat.read(path, as_version=4)
	client = NotebookClient(notebook, timeout=timeout, kernel_name='python3', resources={'metadata': {'path': os.path.dirname(path) or '.'}})
	error = None
	try:
		client.execute()
	except CellTimeoutError:
		error = f'{path}: a cell timed out after {timeout} s'
	except CellExecutionError as failure:
		cell = next((i for i, c in enumerate(notebook.cells) if c.cell_type == 'code' and any(o.get('output_type') == 'error' for o in c.get('outputs', []))), None)
		detail = f'{failure.ename}: {str(failure.evalue).splitlines()[0] if failure.evalue else ""}'
		error = f'{path}: cell {cell + 1 if cell is not None else "?"}: {detail}'
	except Exception as failure:  # noqa: BLE001 - kernel start failures and the like
		error = f'{path}: {type(failure).__name__}: {failure}'
	elapsed = time.perf_counter() - started
	print(f"  {path}: {elapsed:.1f} s{' FAILED' if error else ''}", file=sys.stderr, flush=True)
	return {'file': path, 'seconds': round(elapsed, 3), 'error': error}


def main():
	job = json.load(sys.stdin)
	job['dataDir'] = os.path.abspath(job['dataDir'])
	job['figureDir'] = os.path.abspath(job['figureDir'])
	os.makedirs(job['figureDir'], exist_ok=True)
	result = {'versions': versions()}
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
