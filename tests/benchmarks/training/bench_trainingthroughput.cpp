// Training throughput of the C++ trainer against the same network, batch and
// step in PyTorch for Python, side by side, at 1 and 2 intra-op threads.
//
// Usage: bench_trainingthroughput [--tasks s,d,n,k,e] [--width 1.0]
//        [--image-size 64] [--batch 32] [--steps 30] [--repeats 3]
//        [--threads 1,2] [--python /usr/bin/python3]
//
// Each side runs `repeats` times, alternating which side goes first, and the
// best rate of each is reported, which damps the effect of other load on the
// machine. Next to the wall-clock rate, each side reports images per second
// of process CPU time, which other load changes much less. At 2 threads that
// CPU time also counts the time that OpenMP worker threads spend spin-waiting.
//
// The C++ trainer sets glibc's malloc thresholds so that freed tensors stay
// in the heap. Python is run twice: as installed, and with the same
// thresholds set through glibc's MALLOC_MMAP_THRESHOLD_ and
// MALLOC_TRIM_THRESHOLD_ environment variables. Other environment variables,
// such as OMP_WAIT_POLICY, reach both sides.

#include "core/training/dataset.h"
#include "core/training/tasks.h"
#include "core/training/trainer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <ctime>

using namespace tg::training;

namespace {

struct Options
{
    std::vector<std::string> tasks = defaultTaskNames();
    double width = 1.0;
    int imageSize = 64;
    int batch = 32;
    int steps = 30;
    int warmup = 5;
    int repeats = 3;
    std::vector<int> threadCounts = {1, 2};
    QString python = QStringLiteral("/usr/bin/python3");
};

// One fixed random batch, returned for every request, so both sides measure
// the training step and not data preparation.
class FixedBatchDataset : public Dataset
{
public:
    FixedBatchDataset(std::vector<TaskSpec> tasks, int imageSize, int batch)
        : m_tasks(std::move(tasks)), m_imageSize(imageSize)
    {
        torch::manual_seed(2);
        m_batch.images = torch::rand({batch, 3, imageSize, imageSize});
        for (const TaskSpec& task : m_tasks) {
            switch (task.kind) {
            case TaskKind::PixelClasses:
                m_batch.targets.push_back(
                    torch::randint(task.channels, {batch, imageSize, imageSize}));
                break;
            case TaskKind::PixelValues:
                m_batch.targets.push_back(
                    torch::randn({batch, task.channels, imageSize, imageSize}));
                break;
            case TaskKind::ImageClasses:
                m_batch.targets.push_back(torch::randint(task.channels, {batch}));
                break;
            case TaskKind::ImageValues:
                m_batch.targets.push_back(torch::randn({batch, task.channels}));
                break;
            }
        }
    }

    const std::vector<TaskSpec>& tasks() const override { return m_tasks; }
    std::int64_t size(Split split) const override
    {
        return split == Split::Train ? 1 << 20 : m_batch.images.size(0);
    }
    int imageSize() const override { return m_imageSize; }
    ChannelStatistics statistics(int) const override { return {}; }
    Batch batch(Split, const std::vector<std::int64_t>&) const override { return m_batch; }

private:
    std::vector<TaskSpec> m_tasks;
    int m_imageSize;
    Batch m_batch;
};

const char* kindName(TaskKind kind)
{
    switch (kind) {
    case TaskKind::PixelClasses:
        return "pixel-classes";
    case TaskKind::PixelValues:
        return "pixel-values";
    case TaskKind::ImageClasses:
        return "image-classes";
    case TaskKind::ImageValues:
        return "image-values";
    }
    return "pixel-values";
}

// Images per second of wall-clock time and of process CPU time.
struct Rates
{
    double wall = 0.0;
    double cpu = 0.0;
};

Rates cppRates(const Options& options, const std::vector<TaskSpec>& tasks, int threads)
{
    FixedBatchDataset data(tasks, options.imageSize, options.batch);
    QTemporaryDir checkpoints;
    TrainerSettings settings;
    settings.spec = {tasks, options.width, options.imageSize};
    for (size_t t = 0; t < tasks.size(); ++t)
        settings.targetIndices.push_back(static_cast<int>(t));
    settings.schedule.batchSize = options.batch;
    settings.schedule.learningRate = 0.01;
    settings.schedule.validationInterval = 100.0;
    settings.schedule.plateauWindow = 1000;
    settings.schedule.maxSteps = options.warmup + options.steps;
    settings.threads = threads;
    settings.checkpointFolder = checkpoints.path().toStdString();

    QElapsedTimer timer;
    double seconds = 0.0;
    std::clock_t cpuStart = 0;
    double cpuSeconds = 0.0;
    TrainerCallbacks callbacks;
    callbacks.trainingLoss = [&](std::int64_t step, double) {
        if (step == options.warmup) {
            timer.start();
            cpuStart = std::clock();
        }
        if (step == options.warmup + options.steps) {
            seconds = double(timer.nsecsElapsed()) * 1e-9;
            cpuSeconds = double(std::clock() - cpuStart) / CLOCKS_PER_SEC;
        }
    };
    std::atomic_bool cancel{false};
    const TrainerResult result = trainNetwork(data, settings, callbacks, cancel);
    if (result.outcome == TrainerOutcome::Failed) {
        std::fprintf(stderr, "training failed: %s\n", result.error.c_str());
        return {};
    }
    const double images = options.steps * options.batch;
    return {images / seconds, images / cpuSeconds};
}

// The malloc thresholds that the C++ trainer sets with mallopt().
QProcessEnvironment keptMemoryEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("MALLOC_MMAP_THRESHOLD_"), QString::number(32 << 20));
    environment.insert(QStringLiteral("MALLOC_TRIM_THRESHOLD_"), QString::number(512 << 20));
    return environment;
}

QString pythonLine(const Options& options, const std::vector<TaskSpec>& tasks, int threads,
                   bool keepFreedMemory)
{
    QStringList taskArguments;
    for (const TaskSpec& task : tasks)
        taskArguments.append(
            QStringLiteral("%1:%2:%3")
                .arg(QString::fromStdString(task.name), QLatin1String(kindName(task.kind)))
                .arg(task.channels));
    QProcess python;
    if (keepFreedMemory)
        python.setProcessEnvironment(keptMemoryEnvironment());
    python.start(options.python, {QStringLiteral(PYTORCH_SCRIPT), QStringLiteral("--tasks"),
                                  taskArguments.join(QLatin1Char(',')), QStringLiteral("--width"),
                                  QString::number(options.width), QStringLiteral("--image-size"),
                                  QString::number(options.imageSize), QStringLiteral("--batch"),
                                  QString::number(options.batch), QStringLiteral("--steps"),
                                  QString::number(options.steps), QStringLiteral("--warmup"),
                                  QString::number(options.warmup), QStringLiteral("--threads"),
                                  QString::number(threads)});
    if (!python.waitForFinished(-1) || python.exitCode() != 0)
        return QStringLiteral("failed: ") + QString::fromLocal8Bit(python.readAllStandardError());
    return QString::fromLocal8Bit(python.readAllStandardOutput()).trimmed();
}

double parseField(const QString& line, const QString& key)
{
    const int at = line.indexOf(key + QLatin1Char('='));
    if (at < 0)
        return 0.0;
    return line.mid(at + key.size() + 1).section(QLatin1Char(' '), 0, 0).toDouble();
}

Rates pythonRates(const Options& options, const std::vector<TaskSpec>& tasks, int threads,
                  bool keepFreedMemory, QString* line)
{
    *line = pythonLine(options, tasks, threads, keepFreedMemory);
    return {parseField(*line, QStringLiteral("images_per_second")),
            parseField(*line, QStringLiteral("cpu_rate"))};
}

void keepBest(Rates* best, const Rates& rates)
{
    best->wall = std::max(best->wall, rates.wall);
    best->cpu = std::max(best->cpu, rates.cpu);
}

double ratio(double numerator, double denominator)
{
    return denominator > 0 ? numerator / denominator : 0.0;
}

// The 1-minute load average from /proc/loadavg, or -1 where it is unreadable.
double loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return -1.0;
    return QString::fromLatin1(file.readAll()).section(QLatin1Char(' '), 0, 0).toDouble();
}

Options parseOptions(const QStringList& arguments)
{
    Options options;
    for (int i = 1; i + 1 < arguments.size(); i += 2) {
        const QString& key = arguments[i];
        const QString& value = arguments[i + 1];
        if (key == QLatin1String("--tasks")) {
            options.tasks.clear();
            for (const QString& name : value.split(QLatin1Char(',')))
                options.tasks.push_back(name.toStdString());
        } else if (key == QLatin1String("--width")) {
            options.width = value.toDouble();
        } else if (key == QLatin1String("--image-size")) {
            options.imageSize = value.toInt();
        } else if (key == QLatin1String("--batch")) {
            options.batch = value.toInt();
        } else if (key == QLatin1String("--steps")) {
            options.steps = value.toInt();
        } else if (key == QLatin1String("--repeats")) {
            options.repeats = value.toInt();
        } else if (key == QLatin1String("--threads")) {
            options.threadCounts.clear();
            for (const QString& count : value.split(QLatin1Char(',')))
                options.threadCounts.push_back(std::max(1, count.toInt()));
        } else if (key == QLatin1String("--python")) {
            options.python = value;
        }
    }
    return options;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const Options options = parseOptions(QCoreApplication::arguments());
    std::string error;
    const auto tasks = resolveBuiltinTasks(options.tasks, &error);
    if (!tasks) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return 1;
    }
    QTextStream out(stdout);
    out << "network: " << options.tasks.size() << " tasks, width " << options.width << ", "
        << options.imageSize << "x" << options.imageSize << ", batch " << options.batch << ", "
        << options.steps << " timed steps after " << options.warmup << " warm-up steps, best of "
        << options.repeats << " runs\n";
    out << "OMP_WAIT_POLICY=" << qEnvironmentVariable("OMP_WAIT_POLICY", QStringLiteral("(unset)"))
        << ", load average at start " << loadAverage() << '\n';
    out << "threads  rate          C++ trainer  PyTorch Python  ratio"
           "  Python, malloc thresholds  ratio\n";
    out.flush();
    for (int threads : options.threadCounts) {
        Rates cpp;
        Rates python;
        Rates pythonKept;
        QString line;
        for (int repeat = 0; repeat < options.repeats; ++repeat) {
            // Alternating the order keeps a slow start or a load change from
            // always falling on the same side.
            if (repeat % 2 == 0)
                keepBest(&cpp, cppRates(options, *tasks, threads));
            keepBest(&python, pythonRates(options, *tasks, threads, false, &line));
            keepBest(&pythonKept, pythonRates(options, *tasks, threads, true, &line));
            if (repeat % 2 == 1)
                keepBest(&cpp, cppRates(options, *tasks, threads));
        }
        const auto row = [&](const char* unit, double cppRate, double pythonRate,
                             double pythonKeptRate) {
            out << QStringLiteral("%1  %2  %3  %4  %5  %6  %7\n")
                       .arg(threads, 7)
                       .arg(QLatin1String(unit), -12)
                       .arg(cppRate, 11, 'f', 1)
                       .arg(pythonRate, 14, 'f', 1)
                       .arg(ratio(cppRate, pythonRate), 5, 'f', 2)
                       .arg(pythonKeptRate, 25, 'f', 1)
                       .arg(ratio(cppRate, pythonKeptRate), 5, 'f', 2);
        };
        row("images/s", cpp.wall, python.wall, pythonKept.wall);
        row("images/CPU-s", cpp.cpu, python.cpu, pythonKept.cpu);
        if (python.wall <= 0 || pythonKept.wall <= 0)
            out << "  python: " << line << '\n';
        out.flush();
    }
    out << "load average at end " << loadAverage() << '\n';
    return 0;
}
