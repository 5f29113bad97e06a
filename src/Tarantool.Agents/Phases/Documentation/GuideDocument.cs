namespace Tarantool.Agents.Phases.Documentation;

/// <summary>One Markdown document of the operations guide.</summary>
/// <param name="File">File name under <c>docs/</c>, e.g. <c>troubleshooting.md</c> (always English).</param>
/// <param name="Title">The document's title (rendered as its <c># </c> heading), in the request's language.</param>
/// <param name="Sections">The document's <c>## </c> sections in order. Each document has required headings, in the
/// request's language: setup.md — Prerequisites/Предварительные требования, Installation/Установка, Application
/// layout/Структура приложения, Secrets/Секреты, First start/Первый запуск, Checks/Проверки; operations.md — Start and
/// stop/Запуск и остановка, Adding and removing a replica/Добавление и удаление реплики, Switching the
/// leader/Переключение лидера, Rolling restart/Поэтапный перезапуск, Upgrading Tarantool/Обновление Tarantool, and
/// Adding a shard/Добавление шарда when sharded; troubleshooting.md — Diagnostics/Диагностика, Alerts/Алерты (one
/// <c>### AlertName</c> per alert), Common problems/Типичные проблемы; backup-recovery.md — Backup
/// schedule/Расписание резервного копирования, Backup scripts/Скрипты резервного копирования, Restore
/// procedures/Процедуры восстановления, Point-in-time recovery/Восстановление на момент времени,
/// Verification/Проверка бэкапов; scaling.md — Capacity today/Текущая ёмкость, Vertical scaling/Вертикальное
/// масштабирование, Adding replicas/Добавление реплик, Adding shards/Добавление шардов, Growth projection/Прогноз
/// роста; monitoring.md — Metrics/Метрики, Alerts/Алерты, Dashboards/Дашборды, Health checks/Проверки здоровья;
/// training.md — Training plan/План обучения, Exercises/Упражнения (each exercise a <c>### </c> heading with
/// Goal/Цель, Steps/Шаги and Expected result/Ожидаемый результат).</param>
public sealed record GuideDocument(string File, string Title, IReadOnlyList<GuideSection> Sections);
