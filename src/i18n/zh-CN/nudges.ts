// 提醒：写在滞后任务所在行的批注（使用工作簿语言），以及任务面板的预览、确认与结果。
import type { Messages } from "../en-US";

export const nudges: Messages["nudges"] = {
  comment: (mention: string, id: string, action: string, daysLate: number, due: string, standard: string) =>
    `${mention} 任务 ${id}${action ? `（${action}）` : ""}已滞后${daysLate}天，截止日期为${due}。` +
    `${standard ? `输出标准：${standard}。` : ""}请尽快完成，或在“任务矩阵”中更新状态并填写滞后原因。`,
  reasons: {
    noTaskId: (_owner: string, _emails: string) => "该任务没有编号，无法记录提醒。",
    duplicateTaskId: (_owner: string, _emails: string) => "任务矩阵中另有一行使用相同编号；请为每个任务设置唯一编号。",
    noOwner: (_owner: string, _emails: string) => "该任务没有负责人。",
    notOnRoster: (owner: string, _emails: string) => `${owner}不在团队名单中（设置）。`,
    noEmail: (owner: string, _emails: string) => `团队名单（设置）中没有${owner}的邮箱。`,
    badEmail: (owner: string, emails: string) => `团队名单中${owner}的邮箱不是有效的邮箱地址：${emails}。`,
    ambiguous: (owner: string, emails: string) => `团队名单中${owner}出现了多次，邮箱不同：${emails}。`,
  },
  heading: "提醒滞后任务的负责人",
  intro: "为每个滞后任务在其所在行添加一条批注，并按团队名单中的邮箱@提及负责人，由Excel通知对方。先预览提醒对象；确认前不会写入任何内容。",
  preview: "提醒滞后任务的负责人",
  previewing: "正在读取提醒对象…",
  unsupported: "此版本的Excel无法添加@提及他人的批注（需要ExcelApi 1.11和1.13），因此这里不提供提醒。网页版Excel和Microsoft 365支持此功能。",
  noRecord: "此工作簿的“设置”中还没有提醒记录表。请打开“初始化”更新工作簿后再提醒。",
  noTasks: "此工作簿没有任务表。请先在“初始化”中创建规划器。",
  nobody: "没有超过预警天数的滞后任务：无需提醒。",
  willNudge: (n: number) => `将提醒：${n}个任务`,
  nudged: (n: number) => `已提醒：${n}个任务`,
  owner: "负责人",
  task: "任务",
  daysLate: "滞后天数",
  outputStandard: "输出标准",
  why: "原因",
  none: "—",
  cannot: (n: number) => `无法提醒：${n}个任务`,
  nudgedToday: (n: number) => `今天已提醒：${n}个任务`,
  confirm: (n: number) => `添加${n}条批注`,
  cancel: "取消",
  nudging: "正在添加批注…",
  done: (n: number) => (n === 0 ? "未添加批注。" : `已添加${n}条批注；Excel会通知被提及的人。`),
  takenMeanwhile: (n: number) => `${n}个任务在此期间已由他人提醒，本次未重复提醒。`,
  again: "再次提醒",
  close: "关闭",
  errors: {
    recordMissing: "“设置”中的提醒记录表已不存在。请打开“初始化”更新工作簿后再提醒。",
    tasksMissing: "任务表已不存在。请打开“初始化”更新工作簿。",
    unsupported: "此版本的Excel无法添加@提及他人的批注（需要ExcelApi 1.11和1.13）。",
    claim: (code: string, message: string) => `Excel拒绝写入“设置”中的提醒记录（${code}：${message}）。未添加任何批注；请重试。`,
    comments: (code: string, message: string, notNudged: string) =>
      `Excel拒绝了一条批注（${code}：${message}）。以下任务未提醒，也未记录，下次会再次包含：${notNudged}。`,
  },
};
