package neo4jtest

import (
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Server is a throwaway Neo4j of one test, started by scripts/neo4j.sh on a
// port of its own and with a data folder kept across kills, so the test can
// kill, pause and restart it without disturbing the shared server.
type Server struct {
	Port int
	URI  string
	env  []string
	dir  string // NEO4J_STATE_DIR, where the script keeps the JVM's pid
	data string // NEO4J_DATA_DIR, the server's home
}

// FaultPortEnv names the port of throwaway servers; by default the port
// after the shared server's.
const FaultPortEnv = "NEO4J_FAULT_PORT"

// Throwaway starts a server that the test owns and stops it when the test
// ends. Without Neo4j (the shared server does not answer) the test is
// skipped or fails as Unavailable says, before any download or start.
func Throwaway(t testing.TB) *Server {
	t.Helper()
	if !Required() {
		if err := dial(URI()); err != nil {
			Unavailable(t, err)
		}
	}
	p, _ := strconv.Atoi(os.Getenv(FaultPortEnv))
	if p == 0 {
		p = port(URI()) + 1
	}
	dir := t.TempDir()
	s := &Server{Port: p, URI: "bolt://127.0.0.1:" + strconv.Itoa(p), dir: filepath.Join(dir, "state"), data: filepath.Join(dir, "data")}
	s.env = append(os.Environ(),
		"NEO4J_PORT="+strconv.Itoa(p),
		"NEO4J_STATE_DIR="+s.dir,
		"NEO4J_DATA_DIR="+s.data,
		"NEO4J_HEAP=512m", "NEO4J_PAGECACHE=128m")
	t.Cleanup(func() {
		s.signal(t, syscall.SIGCONT) // a paused JVM cannot shut down
		s.script(t, "stop")
	})
	s.Start(t)
	return s
}

// Start starts the server (again), on the data it had, and returns once it
// answers.
func (s *Server) Start(t testing.TB) {
	t.Helper()
	s.script(t, "start")
}

// Import stops the server, replaces its database by one imported from CSV
// files with `neo4j-admin database import full neo4j args...`, run from the
// jars scripts/neo4j.sh fetched (neo4j-import-tool is among them), and
// starts the server again.
func (s *Server) Import(t testing.TB, args ...string) {
	t.Helper()
	s.script(t, "stop")
	conf := t.TempDir()
	if err := os.WriteFile(filepath.Join(conf, "neo4j.conf"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	c := exec.Command("java", append([]string{"-Xmx512m", "-cp", filepath.Join(root(), "scripts", "neo4j", "target", "lib", "*"),
		"org.neo4j.cli.AdminTool", "database", "import", "full", "neo4j",
		"--overwrite-destination=true", "--max-off-heap-memory=256m", "--threads=2",
		"--report-file=" + filepath.Join(conf, "import.report")}, args...)...)
	c.Env = append(os.Environ(), "NEO4J_HOME="+s.data, "NEO4J_CONF="+conf)
	if out, err := c.CombinedOutput(); err != nil {
		t.Fatalf("neo4j-admin database import full: %v\n%s", err, out)
	}
	s.Start(t)
}

// Kill kills the JVM at once, as a crash or the OOM killer would.
func (s *Server) Kill(t testing.TB) {
	t.Helper()
	pid := s.pid(t)
	s.signal(t, syscall.SIGKILL)
	for syscall.Kill(pid, 0) == nil {
		time.Sleep(20 * time.Millisecond)
	}
}

// Pause stops the JVM (SIGSTOP): connections stay open and nothing answers.
func (s *Server) Pause(t testing.TB) { t.Helper(); s.signal(t, syscall.SIGSTOP) }

// Resume continues a paused JVM.
func (s *Server) Resume(t testing.TB) { t.Helper(); s.signal(t, syscall.SIGCONT) }

func (s *Server) signal(t testing.TB, sig syscall.Signal) {
	t.Helper()
	pid := s.pid(t)
	if pid == 0 {
		return
	}
	if err := syscall.Kill(pid, sig); err != nil && sig != syscall.SIGCONT {
		t.Fatalf("neo4j pid %d: %v", pid, err)
	}
}

// pid is the JVM's process id, 0 when the script has none on record.
func (s *Server) pid(t testing.TB) int {
	b, err := os.ReadFile(filepath.Join(s.dir, "pid"))
	if err != nil {
		return 0
	}
	pid, _ := strconv.Atoi(strings.TrimSpace(string(b)))
	return pid
}

func (s *Server) script(t testing.TB, cmd string) {
	t.Helper()
	c := exec.Command(filepath.Join(root(), "scripts", "neo4j.sh"), cmd)
	c.Env = s.env
	out, err := c.CombinedOutput()
	if err != nil {
		t.Fatalf("scripts/neo4j.sh %s on port %d: %v\n%s", cmd, s.Port, err, out)
	}
}

// root is the repository's top folder, found from this file's.
func root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// dial checks that something accepts TCP connections at a bolt:// URI.
func dial(uri string) error {
	c, err := net.DialTimeout("tcp", "127.0.0.1:"+strconv.Itoa(port(uri)), time.Second)
	if err != nil {
		return err
	}
	return c.Close()
}
